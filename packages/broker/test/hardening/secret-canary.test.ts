import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@carkit/emulator'
import { loadConfig, startBroker, type BrokerOptions, type RunningBroker } from '../../src/index.js'
import { expectNoCanary, makeCanary } from './support/canary.js'
import { spawnCli } from './support/cli-process.js'
import { rawRequest, type RawRequestInit } from './support/raw-request.js'

const canary = makeCanary()
const allowedOrigin = 'https://app.example.com'

describe('a unique SecretId, SecretKey and session token appear in no response and no log line', () => {
  let emu: Emulator
  const brokers: RunningBroker[] = []
  const responses: string[] = []
  const logLines: string[] = []

  const credentialsEnv = (overrides: Record<string, string> = {}): Record<string, string> => ({
    CARKIT_SECRET_ID: canary.secretId,
    CARKIT_SECRET_KEY: canary.secretKey,
    CARKIT_SESSION_TOKEN: canary.sessionToken,
    CARKIT_ENDPOINT: emu.url,
    CARKIT_PROJECT_IDS: 'cap-demo',
    CARKIT_ALLOWED_ORIGINS: allowedOrigin,
    CARKIT_RATE_LIMIT: '1000/sec',
    ...overrides,
  })

  async function broker(env: Record<string, string>, options: BrokerOptions = {}): Promise<RunningBroker> {
    const started = await startBroker({ host: '127.0.0.1', port: 0, env, brokerOptions: { logger: (entry) => logLines.push(JSON.stringify(entry)), ...options } })
    brokers.push(started)
    return started
  }

  async function send(target: RunningBroker, init: RawRequestInit): Promise<number> {
    const res = await rawRequest(target.url, init)
    responses.push(`${init.method} ${init.path} → ${res.status} ${JSON.stringify(res.headers)}\n${res.body}`)
    return res.status
  }

  const post = (body: string, headers: Record<string, string> = {}): RawRequestInit => ({
    method: 'POST',
    path: '/v1/apply-concurrent',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

  beforeAll(async () => {
    emu = await startEmulator({ capacity: 1, credentials: { secretId: canary.secretId, secretKey: canary.secretKey }, sessionToken: canary.sessionToken })
  })

  afterAll(async () => {
    for (const started of brokers) await started.close()
    await emu?.close()
  })

  it('drives grants, every error path and AuthFailure answers through brokers holding the canary', async () => {
    const main = await broker(credentialsEnv(), {
      upstreamTimeoutMs: 300,
      authorize: (req) => {
        if (req.headers['x-deny'] !== undefined) return false
        // An app hook that fails with a secret in its message: the log must still not show it.
        if (req.headers['x-throw'] !== undefined) throw new Error(`session store rejected ${canary.secretKey} / ${canary.sessionToken}`)
        return true
      },
    })
    const statuses: number[] = []
    const run = async (target: RunningBroker, init: RawRequestInit): Promise<void> => void statuses.push(await send(target, init))

    await run(main, post('{"userId":"canary-1"}', { origin: allowedOrigin }))
    await run(main, post('{"userId":"canary-2"}'))
    await run(main, post('{"userId":"canary-1"}'))
    await run(main, post('{"userId":'))
    await run(main, post('{}'))
    await run(main, post('{"userId":"a b"}'))
    await run(main, post('{"userId":"u","secretKey":"x"}'))
    await run(main, post('{"userId":"u","projectId":"cap-other"}'))
    await run(main, post(`{"userId":"${'x'.repeat(5000)}"}`))
    await run(main, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'text/plain' }, body: 'userId=u' })
    await run(main, { method: 'GET', path: '/v1/apply-concurrent' })
    await run(main, { method: 'GET', path: '/nope' })
    await run(main, { method: 'GET', path: '/healthz' })
    await run(main, { method: 'OPTIONS', path: '/v1/apply-concurrent', headers: { origin: allowedOrigin, 'access-control-request-method': 'POST' } })
    await run(main, post('{"userId":"u"}', { origin: 'https://evil.example' }))
    await run(main, post('{"userId":"u"}', { 'x-deny': '1' }))
    await run(main, post('{"userId":"u"}', { 'x-throw': '1', authorization: `Bearer ${canary.sessionToken}` }))
    // A hostile or buggy upstream that echoes the credentials back in its error messages.
    for (const code of ['AuthFailure.SignatureFailure', 'AuthFailure.SignatureExpire', 'FailedOperation', 'InvalidParameterValue', 'InternalError']) {
      emu.failNext('ApplyConcurrent', code, { message: `echo ${canary.secretId} ${canary.secretKey} ${canary.sessionToken}` })
      await run(main, post('{"userId":"canary-1"}'))
    }
    emu.setLatency(1_000)
    await run(main, post('{"userId":"canary-1"}'))
    emu.setLatency(0)

    // Real AuthFailure answers: a wrong key, an unknown SecretId, a wrong token.
    await run(await broker(credentialsEnv({ CARKIT_SECRET_KEY: `${canary.secretKey}wrong` })), post('{"userId":"canary-1"}'))
    await run(await broker(credentialsEnv({ CARKIT_SECRET_ID: `${canary.secretId}x` })), post('{"userId":"canary-1"}'))
    await run(await broker(credentialsEnv({ CARKIT_SESSION_TOKEN: `${canary.sessionToken}x` })), post('{"userId":"canary-1"}'))
    // The per-client rate limit.
    const limited = await broker(credentialsEnv({ CARKIT_RATE_LIMIT: '1/hour' }))
    await run(limited, post('{"userId":"canary-1"}'))
    await run(limited, post('{"userId":"canary-1"}'))

    expect(statuses).toEqual([200, 503, 200, 400, 400, 400, 400, 403, 413, 415, 405, 404, 200, 204, 403, 401, 500, 502, 502, 502, 502, 502, 504, 502, 502, 502, 200, 429])
    expect(logLines.some((line) => line.includes('upstream_auth_failure'))).toBe(true)
    expect(logLines.some((line) => line.includes('unexpected_error'))).toBe(true)
    expectNoCanary(canary, 'a response', responses.join('\n'))
    expectNoCanary(canary, 'a log line', logLines.join('\n'))
  }, 30_000)

  it('keeps the canary out of config errors and out of the printed config', () => {
    const bad = [
      { ...credentialsEnv(), CARKIT_PORT: 'eighty' },
      { ...credentialsEnv(), CARKIT_SECRET_KEY: ` ${canary.secretKey} ` },
      { ...credentialsEnv(), CARKIT_SECRET_ID: `${canary.secretId}\n` },
      { CARKIT_SESSION_TOKEN: canary.sessionToken },
      { CARKIT_SECRET_KEY: canary.secretKey },
      { ...credentialsEnv(), CARKIT_ENDPOINT: `http://${canary.secretKey}.example` },
      // Values pasted into the wrong variable: the error names the variable, not the secret.
      { ...credentialsEnv(), CARKIT_ENDPOINT: canary.secretKey },
      { ...credentialsEnv(), CARKIT_PROJECT_IDS: canary.secretId },
      { ...credentialsEnv(), CARKIT_REGION: canary.sessionToken },
      { ...credentialsEnv(), CARKIT_RATE_LIMIT: canary.secretKey },
      { ...credentialsEnv(), CARKIT_PORT: canary.secretKey },
    ]
    for (const env of bad) {
      let message = ''
      try {
        loadConfig(env)
      } catch (err) {
        message = `${String(err)} ${inspect(err)}`
      }
      expect(message, `loadConfig accepted ${Object.keys(env).join(', ')}`).not.toBe('')
      expectNoCanary(canary, 'a config error', message)
    }
    const config = loadConfig(credentialsEnv())
    expectNoCanary(canary, 'the printed config', `${JSON.stringify(config)} ${inspect(config, { depth: 10 })} ${String(config.credentials)}`)
  })

  it('keeps the canary out of everything the CLI prints, from start to SIGTERM, and out of its config error', async () => {
    const ownResponses = responses.length
    const cli = spawnCli({ ...credentialsEnv(), CARKIT_HOST: '127.0.0.1', CARKIT_PORT: '0', CARKIT_LOG_LEVEL: 'info' })
    try {
      const [, url = ''] = await cli.waitFor(/listening on (http:\/\/\S+)/)
      const target = { url } as RunningBroker
      emu.failNext('ApplyConcurrent', 'AuthFailure.SignatureFailure', { message: `echo ${canary.secretKey}` })
      expect(await send(target, post('{"userId":"canary-cli"}'))).toBe(502)
      expect(await send(target, post('{"userId":"canary-1"}'))).toBe(200)
      expect(await send(target, post('{"userId":1}'))).toBe(400)
      expect(await send(target, { method: 'GET', path: '/healthz' })).toBe(200)
      cli.kill('SIGTERM')
      expect(await cli.exited).toEqual({ code: 0, signal: null })
    } finally {
      cli.kill('SIGKILL')
    }
    expect(cli.stdout()).toContain('"event":"request"')
    expect(cli.stderr()).toContain('upstream_auth_failure')
    expectNoCanary(canary, 'CLI stdout', cli.stdout())
    expectNoCanary(canary, 'CLI stderr', cli.stderr())
    expectNoCanary(canary, 'a response', responses.slice(ownResponses).join('\n'))

    const failing = spawnCli({ ...credentialsEnv(), CARKIT_PORT: 'eighty' })
    expect(await failing.exited).toEqual({ code: 1, signal: null })
    expect(failing.stderr()).toContain('CARKIT_PORT')
    expectNoCanary(canary, 'the CLI config error', failing.stdout() + failing.stderr())
  }, 30_000)
})
