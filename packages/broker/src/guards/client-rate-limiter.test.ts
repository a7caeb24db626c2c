import { describe, expect, it } from 'vitest'
import { ClientRateLimiter } from './client-rate-limiter.js'

describe('ClientRateLimiter', () => {
  it('allows a burst of limit requests, then refuses with the time until the next one', () => {
    let now = 0
    const limiter = new ClientRateLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true])
    const refused = limiter.take('a')
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterMs).toBe(20_000)
    now = 20_000
    expect(limiter.take('a').allowed).toBe(true)
    expect(limiter.take('a').allowed).toBe(false)
  })

  it('keeps separate budgets per client', () => {
    const limiter = new ClientRateLimiter({ limit: 1, windowMs: 1000, now: () => 0 })
    expect(limiter.take('a').allowed).toBe(true)
    expect(limiter.take('b').allowed).toBe(true)
    expect(limiter.take('a').allowed).toBe(false)
  })

  it('remembers at most maxClients, forgetting the least recently seen', () => {
    const limiter = new ClientRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 100, now: () => 0 })
    limiter.take('keep')
    for (let i = 0; i < 1000; i++) {
      limiter.take(`client-${i}`)
      if (i % 10 === 0) limiter.take('keep')
    }
    expect(limiter.size).toBe(100)
    expect(limiter.take('keep').allowed).toBe(false)
    expect(limiter.take('client-0').allowed).toBe(true)
  })
})
