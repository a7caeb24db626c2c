import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay } from './backoff.js'

afterEach(() => vi.restoreAllMocks())

describe('backoffDelay', () => {
  it('doubles the upper bound on every retry up to the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 8000, 10_000])
  })

  it('jitters down to zero (full jitter)', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    expect(backoffDelay(4, 500, 10_000)).toBe(0)
  })

  it('never waits less than Retry-After, capped at the maximum', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.1)
    expect(backoffDelay(1, 500, 10_000, 3000)).toBe(3000)
    expect(backoffDelay(1, 500, 10_000, 60_000)).toBe(10_000)
  })

  it('stays within [0, max] for any input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(5000), fc.nat(60_000), fc.nat(120_000), (n, base, max, after) => {
        const d = backoffDelay(n, base, max, after)
        expect(d).toBeGreaterThanOrEqual(Math.min(after, max))
        expect(d).toBeLessThanOrEqual(max)
      }),
    )
  })
})
