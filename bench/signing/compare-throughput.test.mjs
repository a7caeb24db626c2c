// @ts-check
import { describe, expect, it } from 'vitest'
import { compareThroughput } from './compare-throughput.mjs'

const quick = { rounds: 5, roundMs: 20, warmupMs: 20, batch: 50 }

describe('compareThroughput', () => {
  it('ranks a function doing a tenth of the work well above the other', () => {
    const work = (/** @type {number} */ n) => {
      let s = ''
      for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (i % 26))
      return s
    }
    const result = compareThroughput({ ...quick, candidates: { light: () => work(200), heavy: () => work(2000) } })
    expect(result.light?.roundsOpsPerSec).toHaveLength(5)
    expect(result.heavy?.roundsOpsPerSec).toHaveLength(5)
    expect(/** @type {number} */ (result.light?.medianOpsPerSec)).toBeGreaterThan(
      /** @type {number} */ (result.heavy?.medianOpsPerSec) * 2,
    )
  })

  it('refuses to report a rate for functions whose results are all empty', () => {
    expect(() => compareThroughput({ ...quick, candidates: { nothing: () => undefined } })).toThrow(/returned nothing/)
  })

  it('refuses an empty candidate list', () => {
    expect(() => compareThroughput({ ...quick, candidates: {} })).toThrow(/at least one candidate/)
  })
})
