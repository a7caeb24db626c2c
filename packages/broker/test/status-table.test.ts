import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeUpstream } from './support/fake-upstream.js'
import { freePort } from './support/free-port.js'
import { startBrokerAt } from './support/start-broker-at.js'
import { startStack, type Stack } from './support/start-stack.js'

interface ErrorJson {
  error: { code: string; message: string; requestId?: string; retryable: boolean }
}

async function expectError(res: Response, status: number, code: string, retryable: boolean): Promise<ErrorJson> {
  const body = (await res.json()) as ErrorJson
  expect({ status: res.status, code: body.error.code, retryable: body.error.retryable }).toEqual({ status, code, retryable })
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(body.error.message.length).toBeGreaterThan(10)
  if (retryable) expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
  else expect(res.headers.get('retry-after')).toBeNull()
  return body
}

let stack: Stack
let userCounter = 0
const nextUser = (): string => `user-${++userCounter}`

beforeAll(async () => {
  stack = await startStack({ emulator: { capacity: 1000 } })
})
afterAll(async () => {
  await stack.close()
})

describe('broker status table, produced for real against the emulator', () => {
  it('grants quota with the upstream RequestId, the userId and the default project', async () => {
    const res = await stack.post({ userId: 'u1' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { requestId: string; userId: string; projectId: string }
    expect(body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), userId: 'u1', projectId: 'cap-demo' })
    const call = stack.emu.calls.at(-1)
    expect(call).toMatchObject({ action: 'ApplyConcurrent', code: 'OK', userId: 'u1', projectId: 'cap-demo', userIp: '127.0.0.1' })
  })

  it('answers 400 InvalidParameter.JsonParseError for a body that is not JSON', async () => {
    await expectError(await stack.post('{"userId":'), 400, 'InvalidParameter.JsonParseError', false)
  })

  it('answers 400 MissingParameter naming userId when it is absent', async () => {
    const body = await expectError(await stack.post({}), 400, 'MissingParameter', false)
    expect(body.error.message).toContain('userId')
  })

  it('answers 400 InvalidParameterValue for a body that is not an object or a bad field', async () => {
    await expectError(await stack.post([1, 2]), 400, 'InvalidParameterValue', false)
    const bad = await expectError(await stack.post({ userId: 'has space' }), 400, 'InvalidParameterValue', false)
    expect(bad.error.message).toContain('userId')
    const app = await expectError(await stack.post({ userId: 'u1', applicationId: 'nope' }), 400, 'InvalidParameterValue', false)
    expect(app.error.message).toContain('applicationId')
  })

  it('answers 400 UnknownParameter naming the unknown field', async () => {
    const body = await expectError(await stack.post({ userId: 'u1', UserIp: '1.2.3.4' }), 400, 'UnknownParameter', false)
    expect(body.error.message).toContain('UserIp')
  })

  it('answers 405 Broker.MethodNotAllowed with Allow for GET on the apply route', async () => {
    const res = await fetch(`${stack.broker.url}/v1/apply-concurrent`)
    await expectError(res, 405, 'Broker.MethodNotAllowed', false)
    expect(res.headers.get('allow')).toBe('POST, OPTIONS')
  })

  it('answers 415 Broker.UnsupportedMediaType for a non-JSON content type', async () => {
    const res = await stack.post('userId=u1', { 'content-type': 'application/x-www-form-urlencoded' })
    await expectError(res, 415, 'Broker.UnsupportedMediaType', false)
  })

  it('answers 413 Broker.PayloadTooLarge for a body over 4 KiB', async () => {
    const res = await stack.post({ userId: 'u1', pad: 'x'.repeat(5000) })
    await expectError(res, 413, 'Broker.PayloadTooLarge', false)
  })

  it('answers 403 Broker.ProjectNotAllowed for a project outside the allowlist', async () => {
    await expectError(await stack.post({ userId: 'u1', projectId: 'cap-other' }), 403, 'Broker.ProjectNotAllowed', false)
  })

  it('answers 403 Broker.OriginNotAllowed for a foreign Origin', async () => {
    await expectError(await stack.post({ userId: 'u1' }, { origin: 'https://evil.example' }), 403, 'Broker.OriginNotAllowed', false)
  })

  it('answers 404 Broker.NotFound as JSON for an unknown route', async () => {
    const res = await fetch(`${stack.broker.url}/nope`)
    await expectError(res, 404, 'Broker.NotFound', false)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  const upstreamRows: Array<[string, number, boolean]> = [
    ['ResourceNotFound.NoIdle', 503, true],
    ['ResourceUnavailable.Initialization', 503, true],
    ['UnsupportedOperation.Stopping', 409, true],
    ['FailedOperation.SlowDown', 429, true],
    ['RequestLimitExceeded', 429, true],
    ['RequestLimitExceeded.UinLimitExceeded', 429, true],
    ['FailedOperation.ProcessTimeout', 504, true],
    ['InternalError', 502, true],
    ['AuthFailure.SignatureFailure', 502, false],
    ['AuthFailure.SecretIdNotFound', 502, false],
    ['FailedOperation', 502, false],
    ['InvalidParameterValue', 502, false],
  ]
  for (const [code, status, retryable] of upstreamRows) {
    it(`passes upstream ${code} through as ${status} with the upstream RequestId`, async () => {
      stack.emu.failNext('ApplyConcurrent', code, { message: 'injected detail text' })
      const body = await expectError(await stack.post({ userId: nextUser() }), status, code, retryable)
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
      if (code.startsWith('AuthFailure')) expect(body.error.message).not.toContain('injected detail text')
    })
  }

  it('logs AuthFailure details for the operator only', async () => {
    stack.emu.failNext('ApplyConcurrent', 'AuthFailure.SignatureFailure', { message: 'signature detail for operator' })
    await stack.post({ userId: nextUser() })
    expect(stack.logs.some((entry) => entry.event === 'upstream_auth_failure' && entry.upstreamMessage === 'signature detail for operator')).toBe(true)
  })
})

describe('upstream faults', () => {
  it('answers 504 Broker.UpstreamTimeout when the upstream is slower than upstreamTimeoutMs', async () => {
    const slow = await startStack({ emulator: { latencyMs: 2_000 }, brokerOptions: { upstreamTimeoutMs: 150 } })
    try {
      await expectError(await slow.post({ userId: 'u1' }), 504, 'Broker.UpstreamTimeout', true)
      const health = await fetch(`${slow.broker.url}/healthz`)
      expect(health.status).toBe(200)
    } finally {
      await slow.close()
    }
  })

  it('answers 502 Broker.UpstreamUnavailable when the upstream port is closed', async () => {
    const broker = await startBrokerAt(`http://127.0.0.1:${await freePort()}`, { secretId: 'AKIDclosedport', secretKey: 'secret-key-closed-port' })
    try {
      const res = await fetch(`${broker.url}/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u1"}' })
      await expectError(res, 502, 'Broker.UpstreamUnavailable', true)
    } finally {
      await broker.close()
    }
  })

  it('answers 502 Broker.UpstreamUnavailable when the upstream answers HTML', async () => {
    const html = await startFakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html><body>Bad gateway</body></html>')
    })
    const broker = await startBrokerAt(html.url, { secretId: 'AKIDhtmlanswer', secretKey: 'secret-key-html-answer' })
    try {
      const res = await fetch(`${broker.url}/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u1"}' })
      const body = await expectError(res, 502, 'Broker.UpstreamUnavailable', true)
      expect(JSON.stringify(body)).not.toContain('<html')
    } finally {
      await broker.close()
      await html.close()
    }
  })
})
