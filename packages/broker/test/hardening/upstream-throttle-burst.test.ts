import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import { peakInWindow } from './support/peak-in-window.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'

const burst = 500
const capacity = 400
const ceiling = 100

describe('upstream throttle under a burst of distinct UserIds', () => {
  let stack: Stack
  const agent = new http.Agent({ keepAlive: true, maxSockets: burst })

  beforeAll(async () => {
    stack = await startStack({
      env: { CARKIT_ALLOWED_ORIGINS: undefined, CARKIT_RATE_LIMIT: '100000/sec', CARKIT_UPSTREAM_RPS: String(ceiling) },
      emulator: { capacity, rateLimitPerSecond: ceiling },
      // The burst needs about burst / ceiling seconds; a generous queue wait keeps a slow CI machine from turning waiters into 429s.
      brokerOptions: { upstreamQueueTimeoutMs: 30_000 },
    })
  })

  afterAll(async () => {
    agent.destroy()
    await stack?.close()
  })

  it('measures the peak of a sliding one-second window correctly', () => {
    expect(peakInWindow([0, 999, 1000, 1500, 1999], 1000)).toBe(3)
    expect(peakInWindow([], 1000)).toBe(0)
  })

  it(`never lets the emulator see more than ${ceiling} ApplyConcurrent calls in any one-second window, and loses no request`, async () => {
    const started = Date.now()
    const answers: RawResponse[] = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        rawRequest(stack.broker.url, {
          method: 'POST',
          path: '/v1/apply-concurrent',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: `burst-${i}` }),
          agent,
          timeoutMs: 40_000,
        }),
      ),
    )
    const elapsedMs = Date.now() - started

    const codes = answers.map((res) => (res.status === 200 ? 'OK' : expectContractError(res).code))
    const count = (code: string): number => codes.filter((c) => c === code).length
    expect(count('OK') + count('ResourceNotFound.NoIdle'), `other answers: ${[...new Set(codes)].join(', ')}`).toBe(burst)
    expect(answers.filter((res) => res.status === 503).length).toBe(count('ResourceNotFound.NoIdle'))
    // The emulator hands out exactly `capacity` slots, one per distinct UserId.
    expect(count('OK')).toBe(capacity)

    const applies = stack.emu.calls.filter((call) => call.action === 'ApplyConcurrent')
    expect(applies).toHaveLength(burst)
    expect(applies.filter((call) => call.code.startsWith('RequestLimitExceeded'))).toEqual([])
    const peak = peakInWindow(applies.map((call) => call.at), 1000)
    console.info(`throttle: ${burst} requests in ${elapsedMs} ms, peak ${peak} ApplyConcurrent calls in a sliding 1 s window (ceiling ${ceiling})`)
    expect(peak).toBeLessThanOrEqual(ceiling)
    // Queued, not stalled: about burst / ceiling seconds, far from the queue's 30 s deadline.
    expect(elapsedMs).toBeLessThan(20_000)
  }, 60_000)
})
