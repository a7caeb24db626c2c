// @ts-check
import { describe, expect, it } from 'vitest'
import { evaluateGoals, verdictLabel } from './evaluate-goals.mjs'
import { sampleResults } from './sample-results.test-fixture.mjs'

describe('evaluateGoals', () => {
  it('meets every goal when signing is 3×, throughput 2× and overhead 0.5 ms', () => {
    expect(evaluateGoals(sampleResults()).map((g) => g.met)).toEqual([true, true, true, true])
  })

  it('misses the throughput goal at 1.4× the reference broker', () => {
    const goals = evaluateGoals(sampleResults({ carkitRps: 1400, referenceRps: 1000 }))
    expect(goals[1]).toMatchObject({ met: false, measured: '1.40×' })
  })

  it('judges the p50 overhead at one connection and shows the value under load beside it', () => {
    const goals = evaluateGoals(sampleResults({ carkitSingleP50: 1.4, directSingleP50: 0.2 }))
    expect(goals[3]?.met).toBe(false)
    expect(goals[3]?.measured).toMatch(/^1\.20 ms at 1 connection \(.+ at 32\)$/)
  })

  it('holds the broker mounted in Express to the same throughput bar', () => {
    const goals = evaluateGoals(sampleResults({ carkitExpressRps: 2000, referenceRps: 1500 }))
    expect(goals[1]?.met).toBe(true)
    expect(goals[2]).toMatchObject({ met: false, measured: '1.33×' })
  })

  it('misses the signing goal just under 2×', () => {
    expect(evaluateGoals(sampleResults({ signingRatio: 1.99 }))[0]?.met).toBe(false)
  })

  it('says "not measured" for a section that failed', () => {
    const results = { ...sampleResults(), brokers: /** @type {const} */ ({ ok: false, error: 'emulator did not start' }) }
    const goals = evaluateGoals(results)
    expect(goals[1]).toMatchObject({ met: undefined, measured: 'not measured' })
    expect(verdictLabel(goals[1]?.met)).toBe('not measured')
  })
})
