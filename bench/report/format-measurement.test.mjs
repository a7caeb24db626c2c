// @ts-check
import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatMiB, formatMs, formatRatio } from './format-measurement.mjs'

describe('measurement formatting', () => {
  it('groups thousands with spaces and rounds counts', () => {
    expect(formatCount(1234567.8)).toBe('1 234 568')
    expect(formatCount(999)).toBe('999')
  })

  it('gives small latencies three decimals and large ones none', () => {
    expect(formatMs(0.18412)).toBe('0.184 ms')
    expect(formatMs(3.214)).toBe('3.21 ms')
    expect(formatMs(41.93)).toBe('41.9 ms')
    expect(formatMs(1204.4)).toBe('1 204 ms')
  })

  it('keeps the exact byte count next to kilobytes', () => {
    expect(formatBytes(4821)).toBe('4 821 B')
    expect(formatBytes(48210)).toBe('48.2 kB (48 210 B)')
  })

  it('shows a dash, not NaN, for a missing number', () => {
    expect(formatCount(Number.NaN)).toBe('–')
    expect(formatMs(Number.NaN)).toBe('–')
    expect(formatMiB(undefined)).toBe('–')
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('–')
  })

  it('formats memory in MiB and ratios with a multiplication sign', () => {
    expect(formatMiB(149_212_160)).toBe('142.3 MiB')
    expect(formatRatio(2.4139)).toBe('2.41×')
  })
})
