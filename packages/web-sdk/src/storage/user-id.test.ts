import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createUserId, isUserId } from './user-id.js'

describe('UserId', () => {
  it('creates 21 URL-safe characters, different every time', () => {
    const ids = new Set(Array.from({ length: 200 }, createUserId))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
  })

  it('accepts exactly 21 characters of the URL-safe alphabet', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), (s) => {
        expect(isUserId(s)).toBe(/^[A-Za-z0-9_-]{21}$/.test(s))
      }),
    )
    expect(isUserId(null)).toBe(false)
    expect(isUserId(12345)).toBe(false)
  })
})
