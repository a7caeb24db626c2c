// @ts-check
import { describe, expect, it } from 'vitest'
import { mergeLoadResults } from './merge-load-results.mjs'

/** @param {Partial<import('./run-load.mjs').LoadResult>} fields @returns {import('./run-load.mjs').LoadResult} */
const run = (fields) => ({
  requestsPerSec: 0,
  completed: 0,
  succeeded: 0,
  failed: 0,
  connectionErrors: 0,
  failures: {},
  p50Ms: 0,
  p90Ms: 0,
  p99Ms: 0,
  meanMs: 0,
  durationSec: 1,
  connections: 32,
  latenciesMs: [],
  ...fields,
})

describe('mergeLoadResults', () => {
  it('divides all successes by all the time, not averaging the rates', () => {
    const merged = mergeLoadResults([
      run({ succeeded: 1000, completed: 1000, durationSec: 1 }),
      run({ succeeded: 3000, completed: 3001, failed: 1, durationSec: 3 }),
    ])
    expect(merged.requestsPerSec).toBe(1000)
    expect(merged.completed).toBe(4001)
    expect(merged.failed).toBe(1)
    expect(merged.durationSec).toBe(4)
  })

  it('takes percentiles over the latencies of every run together', () => {
    const merged = mergeLoadResults([run({ latenciesMs: [1, 2, 3] }), run({ latenciesMs: [10, 20] })])
    expect(merged.p50Ms).toBe(3)
    expect(merged.latenciesMs).toHaveLength(5)
  })

  it('adds up failures of the same kind', () => {
    const merged = mergeLoadResults([run({ failures: { '503 ResourceNotFound.NoIdle': 2 } }), run({ failures: { '503 ResourceNotFound.NoIdle': 1, '502': 4 } })])
    expect(merged.failures).toEqual({ '503 ResourceNotFound.NoIdle': 3, '502': 4 })
  })

  it('refuses to merge runs made with different connection counts', () => {
    expect(() => mergeLoadResults([run({ connections: 1 }), run({ connections: 32 })])).toThrow(/same number of connections/)
  })
})
