import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@carkit/emulator'
import { startBroker, type RunningBroker } from '../../src/index.js'
import { expectContractError } from './support/error-shape.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'

describe('one upstream call per UserId at a time', () => {
  let emu: Emulator
  let broker: RunningBroker

  beforeAll(async () => {
    // Latency keeps the first call in flight while the others arrive.
    emu = await startEmulator({ capacity: 10, latencyMs: 400 })
    broker = await startBroker({
      host: '127.0.0.1',
      port: 0,
      env: {
        CARKIT_SECRET_ID: emu.credentials.secretId,
        CARKIT_SECRET_KEY: emu.credentials.secretKey,
        CARKIT_ENDPOINT: emu.url,
        CARKIT_PROJECT_IDS: 'cap-demo',
        CARKIT_RATE_LIMIT: '1000/sec',
      },
      brokerOptions: { logger: () => {} },
    })
  })

  beforeEach(() => emu.resetCalls())

  afterAll(async () => {
    await broker?.close()
    await emu?.close()
  })

  const apply = (userId: string): Promise<RawResponse> =>
    rawRequest(broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })

  it('shares one ApplyConcurrent call and its requestId among concurrent requests for the same UserId', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => apply('same-user')))
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200])
    const requestIds = new Set(answers.map((res) => (JSON.parse(res.body) as { requestId: string }).requestId))
    expect(requestIds.size).toBe(1)
    expect(emu.calls.filter((call) => call.action === 'ApplyConcurrent')).toHaveLength(1)
  })

  it('shares an upstream error too, with the one upstream RequestId', async () => {
    emu.failNext('ApplyConcurrent', 'ResourceNotFound.NoIdle')
    const answers = await Promise.all(Array.from({ length: 4 }, () => apply('refused-user')))
    const errors = answers.map((res) => expectContractError(res))
    expect(answers.map((res) => res.status)).toEqual([503, 503, 503, 503])
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['ResourceNotFound.NoIdle']))
    expect(new Set(errors.map((error) => error.requestId)).size).toBe(1)
    expect(emu.calls).toHaveLength(1)
  })

  it('still makes one call per distinct UserId and a fresh call once the shared one has finished', async () => {
    const [a, b] = await Promise.all([apply('user-a'), apply('user-b')])
    expect([a?.status, b?.status]).toEqual([200, 200])
    expect(emu.calls.map((call) => call.userId).sort()).toEqual(['user-a', 'user-b'])
    const again = await apply('user-a')
    expect(again.status).toBe(200)
    expect(JSON.parse(again.body).requestId).not.toBe(JSON.parse(a?.body ?? '{}').requestId)
    expect(emu.calls).toHaveLength(3)
  })
})
