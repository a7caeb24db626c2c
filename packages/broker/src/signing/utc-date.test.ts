import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utcDateOfTimestamp } from './utc-date.js'

describe('utcDateOfTimestamp', () => {
  it('gives the UTC date of the documented example', () => {
    expect(utcDateOfTimestamp(1_551_113_065)).toBe('2019-02-25')
  })

  it('changes date exactly at UTC midnight', () => {
    const midnight = Date.UTC(2026, 11, 4) / 1000
    expect(utcDateOfTimestamp(midnight - 1)).toBe('2026-12-03')
    expect(utcDateOfTimestamp(midnight)).toBe('2026-12-04')
    expect(utcDateOfTimestamp(midnight - 1)).toBe('2026-12-03')
  })

  it('keeps the UTC date during the first eight hours of the day in UTC+8', () => {
    expect(utcDateOfTimestamp(1_700_006_399)).toBe('2023-11-14')
    expect(utcDateOfTimestamp(Date.UTC(2023, 10, 14, 16, 0, 1) / 1000)).toBe('2023-11-14')
  })

  it('matches Date#toISOString for 1000 generated timestamps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (timestamp) => {
        expect(utcDateOfTimestamp(timestamp)).toBe(new Date(timestamp * 1000).toISOString().slice(0, 10))
      }),
      { numRuns: 1000 },
    )
  })
})
