// @ts-check
import { describe, expect, it } from 'vitest'
import { median, percentileOfSorted, summarizeSamples } from './summarize-samples.mjs'

describe('summarizeSamples', () => {
  it('takes the mean of the two middle values as the median of an even count', () => {
    expect(median([40, 10, 30, 20])).toBe(25)
  })

  it('sorts numerically, not as strings', () => {
    const summary = summarizeSamples([100, 9, 20])
    expect(summary.min).toBe(9)
    expect(summary.median).toBe(20)
    expect(summary.max).toBe(100)
  })

  it('interpolates p90 and p99 between ranks', () => {
    const values = Array.from({ length: 11 }, (_, i) => i * 10) // 0..100
    const summary = summarizeSamples(values)
    expect(summary.p90).toBeCloseTo(90)
    expect(summary.p99).toBeCloseTo(99)
    expect(summary.mean).toBeCloseTo(50)
  })

  it('reports NaN rather than zero for an empty list', () => {
    const summary = summarizeSamples([])
    expect(summary.count).toBe(0)
    expect(summary.median).toBeNaN()
    expect(summary.max).toBeNaN()
  })

  it('rejects a fraction outside 0..1', () => {
    expect(() => percentileOfSorted([1], 1.5)).toThrow(/between 0 and 1/)
  })
})
