// @ts-check
import { describe, expect, it } from 'vitest'
import { resultsJson } from './results-json.mjs'
import { sampleResults } from './sample-results.test-fixture.mjs'

describe('resultsJson', () => {
  it('keeps the numbers but drops the per-request latency lists', () => {
    const results = sampleResults()
    if (!results.brokers?.ok) throw new Error('the fixture has broker results')
    results.brokers.value.targets.carkit.load.latenciesMs = [1, 2, 3]
    const parsed = JSON.parse(resultsJson(results))
    expect(parsed.brokers.value.targets.carkit.load.requestsPerSec).toBe(3000)
    expect(parsed.brokers.value.targets.carkit.load).not.toHaveProperty('latenciesMs')
    expect(parsed.machine.node).toBe('v20.20.2')
  })
})
