import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBroker, type RunningBroker } from '../src/index.js'

let broker: RunningBroker

beforeAll(async () => {
  broker = await startBroker({ host: '127.0.0.1', port: 0, env: { CARKIT_EMULATOR_CAPACITY: '1' }, brokerOptions: { logger: () => {} } })
})
afterAll(async () => {
  await broker.close()
})

const apply = (userId: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${broker.url}/v1/apply-concurrent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ userId }),
  })

describe('emulator mode (no credentials)', () => {
  it('starts an in-process emulator and reports upstream "emulator" on /healthz', async () => {
    expect(broker.upstream).toBe('emulator')
    expect(broker.emulator?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${broker.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', upstream: 'emulator' })
  })

  it('grants {"userId":"u1"} with the default project cap-demo, as in the issue-2 curl', async () => {
    const res = await apply('u1')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ requestId: expect.any(String), userId: 'u1', projectId: 'cap-demo' })
  })

  it('answers 503 ResourceNotFound.NoIdle with Retry-After once the capacity is used', async () => {
    const res = await apply('u2')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
    const body = (await res.json()) as { error: { code: string; retryable: boolean; requestId?: string } }
    expect(body.error).toMatchObject({ code: 'ResourceNotFound.NoIdle', retryable: true, requestId: expect.any(String) })
  })

  it('gives the same UserId its own slot back', async () => {
    expect((await apply('u1')).status).toBe(200)
  })

  it('grants again after the emulator frees the slot', async () => {
    expect(broker.emulator?.release('u1')).toBe(true)
    expect((await apply('u2')).status).toBe(200)
  })

  it('allows any http://localhost:* origin by default and refuses others', async () => {
    broker.emulator?.release('u2')
    const local = await apply('u3', { origin: 'http://localhost:5173' })
    expect(local.status).toBe(200)
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    const foreign = await apply('u3', { origin: 'https://example.com' })
    expect(foreign.status).toBe(403)
  })
})
