import { describe, expect, it } from 'vitest'
import { QuotaPool } from './quota-pool.js'

const T0 = 1_000_000

describe('QuotaPool', () => {
  it('locks up to capacity slots per project, then answers no-idle', () => {
    const pool = new QuotaPool(['cap-a', 'cap-b'], 2, 1_000)
    expect(pool.lock('u1', 'cap-a', T0)).toBe('locked')
    expect(pool.lock('u2', 'cap-a', T0)).toBe('locked')
    expect(pool.lock('u3', 'cap-a', T0)).toBe('no-idle')
    expect(pool.lock('u3', 'cap-b', T0)).toBe('locked')
  })

  it('gives the same UserId its own slot back and refreshes the lock', () => {
    const pool = new QuotaPool(['cap-a'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    expect(pool.lock('u1', 'cap-a', T0 + 900)).toBe('refreshed')
    expect(pool.snapshot(T0 + 1_500).projects['cap-a']?.slots).toEqual([{ userId: 'u1', state: 'locked', expiresAt: T0 + 1_900 }])
  })

  it('expires a lock not followed by a session after lockTtlMs', () => {
    const pool = new QuotaPool(['cap-a'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    expect(pool.lock('u2', 'cap-a', T0 + 999)).toBe('no-idle')
    expect(pool.lock('u2', 'cap-a', T0 + 1_000)).toBe('locked')
    expect(pool.startSession('u1', T0 + 1_001)).toBe(false)
  })

  it('turns a live lock into a running session that never expires', () => {
    const pool = new QuotaPool(['cap-a'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    expect(pool.startSession('u1', T0 + 500)).toBe(true)
    expect(pool.lock('u2', 'cap-a', T0 + 60_000)).toBe('no-idle')
    expect(pool.lock('u1', 'cap-a', T0 + 60_000)).toBe('running')
    expect(pool.snapshot(T0 + 60_000).projects['cap-a']?.slots).toEqual([{ userId: 'u1', state: 'running' }])
  })

  it('does not count an expired lock as held on release', () => {
    const pool = new QuotaPool(['cap-a'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    expect(pool.release('u1', T0 + 1_000)).toBe(false)
  })

  it('refuses a session without a lock', () => {
    const pool = new QuotaPool(['cap-a'], 1, 1_000)
    expect(pool.startSession('nobody', T0)).toBe(false)
  })

  it('frees a slot on release, locked or running', () => {
    const pool = new QuotaPool(['cap-a'], 2, 1_000)
    pool.lock('u1', 'cap-a', T0)
    pool.lock('u2', 'cap-a', T0)
    pool.startSession('u2', T0)
    expect(pool.release('u1', T0)).toBe(true)
    expect(pool.release('u2', T0)).toBe(true)
    expect(pool.release('u2', T0)).toBe(false)
    expect(pool.occupied(T0, 'cap-a')).toEqual({ total: 2, occupied: 0 })
  })

  it('lets a UserId hold one slot only, moving it to the project it applies for last', () => {
    const pool = new QuotaPool(['cap-a', 'cap-b'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    expect(pool.lock('u1', 'cap-b', T0)).toBe('locked')
    expect(pool.occupied(T0, 'cap-a').occupied).toBe(0)
    expect(pool.lock('u2', 'cap-b', T0)).toBe('no-idle')
    expect(pool.lock('u2', 'cap-a', T0)).toBe('locked')
  })

  it('keeps the old slot when the other project has no room', () => {
    const pool = new QuotaPool(['cap-a', 'cap-b'], 1, 1_000)
    pool.lock('u1', 'cap-a', T0)
    pool.lock('u2', 'cap-b', T0)
    expect(pool.lock('u1', 'cap-b', T0)).toBe('no-idle')
    expect(pool.snapshot(T0).projects['cap-a']?.slots.map((s) => s.userId)).toEqual(['u1'])
  })

  it('applies a lowered capacity to new locks only', () => {
    const pool = new QuotaPool(['cap-a'], 2, 1_000)
    pool.lock('u1', 'cap-a', T0)
    pool.lock('u2', 'cap-a', T0)
    pool.capacity = 1
    expect(pool.occupied(T0).occupied).toBe(2)
    pool.release('u1', T0)
    expect(pool.lock('u3', 'cap-a', T0)).toBe('no-idle')
    pool.capacity = 3
    expect(pool.lock('u3', 'cap-a', T0)).toBe('locked')
  })

  it('sums Total and occupied slots over every project when none is named', () => {
    const pool = new QuotaPool(['cap-a', 'cap-b'], 2, 1_000)
    pool.lock('u1', 'cap-a', T0)
    pool.lock('u2', 'cap-b', T0)
    expect(pool.occupied(T0)).toEqual({ total: 4, occupied: 2 })
  })
})
