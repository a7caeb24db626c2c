import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isBrokerError } from '../errors/broker-error.js'
import { UpstreamThrottle, type ReleaseSlot } from './upstream-throttle.js'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Simulates upstream calls: each takes `latencyMs`, and we record when each one started. */
function runCalls(throttle: UpstreamThrottle, count: number, latencyMs: number): { starts: number[]; done: Promise<unknown[]> } {
  const starts: number[] = []
  const done = Promise.all(
    Array.from({ length: count }, async () => {
      const release = await throttle.acquire()
      starts.push(Date.now())
      await new Promise((resolve) => setTimeout(resolve, latencyMs))
      release()
    }),
  )
  return { starts, done }
}

function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let left = 0
  for (let right = 0; right < sorted.length; right++) {
    while ((sorted[right] as number) - (sorted[left] as number) >= windowMs + 1) left++
    best = Math.max(best, right - left + 1)
  }
  return best
}

describe('UpstreamThrottle', () => {
  it('lets the first perSecond calls through at once', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 3 })
    const { starts } = runCalls(throttle, 3, 10)
    await vi.advanceTimersByTimeAsync(0)
    expect(starts).toEqual([1_000_000, 1_000_000, 1_000_000])
  })

  it('never starts more than perSecond calls in any one-second window (closed at both ends)', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 5, maxQueue: 1000, maxWaitMs: 60_000 })
    const { starts, done } = runCalls(throttle, 40, 37)
    await vi.advanceTimersByTimeAsync(20_000)
    await done
    expect(starts).toHaveLength(40)
    expect(maxInAnyWindow(starts, 1000)).toBe(5)
  })

  it('serves waiters first in, first out', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 1, maxWaitMs: 60_000 })
    const first = await throttle.acquire()
    const order: number[] = []
    const waiters = [1, 2, 3].map((n) =>
      throttle.acquire().then((release) => {
        order.push(n)
        release()
      }),
    )
    first()
    await vi.advanceTimersByTimeAsync(5_000)
    await Promise.all(waiters)
    expect(order).toEqual([1, 2, 3])
  })

  it('keeps a slot busy for one second after its call finished', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 1 })
    const release = await throttle.acquire()
    await vi.advanceTimersByTimeAsync(3_000)
    release()
    let second: ReleaseSlot | undefined
    void throttle.acquire().then((slot) => {
      second = slot
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(second).toBeUndefined()
    await vi.advanceTimersByTimeAsync(2)
    expect(second).toBeTypeOf('function')
  })

  it('refuses a waiter after maxWaitMs with a retryable 429 Broker.RateLimited', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 1, maxWaitMs: 500 })
    await throttle.acquire()
    const waiting = throttle.acquire().catch((err: unknown) => err)
    await vi.advanceTimersByTimeAsync(501)
    const err = await waiting
    expect(isBrokerError(err) && { code: err.code, status: err.status, retryable: err.retryable }).toEqual({
      code: 'Broker.RateLimited',
      status: 429,
      retryable: true,
    })
    expect(throttle.waiting).toBe(0)
  })

  it('refuses at once when the queue is full', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 1, maxQueue: 2 })
    await throttle.acquire()
    void throttle.acquire().catch(() => {})
    void throttle.acquire().catch(() => {})
    await expect(throttle.acquire()).rejects.toMatchObject({ code: 'Broker.RateLimited', status: 429 })
    expect(throttle.waiting).toBe(2)
  })

  it('skips timed-out waiters when a slot frees', async () => {
    const throttle = new UpstreamThrottle({ perSecond: 1, maxWaitMs: 100 })
    const first = await throttle.acquire()
    const late = throttle.acquire().catch((err: unknown) => err)
    await vi.advanceTimersByTimeAsync(150)
    expect(isBrokerError(await late)).toBe(true)
    first()
    await vi.advanceTimersByTimeAsync(1_100)
    await expect(throttle.acquire()).resolves.toBeTypeOf('function')
  })
})
