import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'

describe('one upstream call per UserId at a time', () => {
  let stack: Stack

  beforeAll(async () => {
    // Latency keeps the first call in flight while the others arrive.
    stack = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: undefined }, emulator: { capacity: 10, latencyMs: 400 } })
  })

  beforeEach(() => stack.emu.resetCalls())

  afterAll(async () => {
    await stack?.close()
  })

  const apply = (userId: string): Promise<RawResponse> =>
    rawRequest(stack.broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })

  it('shares one ApplyConcurrent call and its requestId among concurrent requests for the same UserId', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => apply('same-user')))
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200])
    const requestIds = new Set(answers.map((res) => (JSON.parse(res.body) as { requestId: string }).requestId))
    expect(requestIds.size).toBe(1)
    expect(stack.emu.calls.filter((call) => call.action === 'ApplyConcurrent')).toHaveLength(1)
  })

  it('shares an upstream error too, with the one upstream RequestId', async () => {
    stack.emu.failNext('ApplyConcurrent', 'ResourceNotFound.NoIdle')
    const answers = await Promise.all(Array.from({ length: 4 }, () => apply('refused-user')))
    const errors = answers.map((res) => expectContractError(res))
    expect(answers.map((res) => res.status)).toEqual([503, 503, 503, 503])
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['ResourceNotFound.NoIdle']))
    expect(new Set(errors.map((error) => error.requestId)).size).toBe(1)
    expect(stack.emu.calls).toHaveLength(1)
  })

  it('still makes one call per distinct UserId and a fresh call once the shared one has finished', async () => {
    const [a, b] = await Promise.all([apply('user-a'), apply('user-b')])
    expect([a?.status, b?.status]).toEqual([200, 200])
    expect(stack.emu.calls.map((call) => call.userId).sort()).toEqual(['user-a', 'user-b'])
    const again = await apply('user-a')
    expect(again.status).toBe(200)
    expect(JSON.parse(again.body).requestId).not.toBe(JSON.parse(a?.body ?? '{}').requestId)
    expect(stack.emu.calls).toHaveLength(3)
  })
})
