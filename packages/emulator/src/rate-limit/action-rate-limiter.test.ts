import { describe, expect, it } from 'vitest'
import { ActionRateLimiter } from './action-rate-limiter.js'

describe('ActionRateLimiter', () => {
  it('allows `limit` calls per action per second and refuses the next one', () => {
    const limiter = new ActionRateLimiter()
    const results = Array.from({ length: 4 }, () => limiter.tryTake('ApplyConcurrent', 3, 5_000))
    expect(results).toEqual([true, true, true, false])
  })

  it('counts each action on its own', () => {
    const limiter = new ActionRateLimiter()
    expect(limiter.tryTake('ApplyConcurrent', 1, 5_000)).toBe(true)
    expect(limiter.tryTake('CreateSession', 1, 5_000)).toBe(true)
    expect(limiter.tryTake('ApplyConcurrent', 1, 5_999)).toBe(false)
  })

  it('starts counting again in the next second', () => {
    const limiter = new ActionRateLimiter()
    limiter.tryTake('ApplyConcurrent', 1, 5_000)
    expect(limiter.tryTake('ApplyConcurrent', 1, 6_000)).toBe(true)
  })
})
