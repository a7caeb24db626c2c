// @ts-check
import { describe, expect, it } from 'vitest'
import { brokerNotes } from './broker-notes.mjs'
import { sampleResults } from './sample-results.test-fixture.mjs'

const brokers = () => {
  const outcome = sampleResults().brokers
  if (!outcome?.ok) throw new Error('the fixture has broker results')
  return outcome.value
}

describe('brokerNotes', () => {
  it('compares the brokers\' own CPU per request', () => {
    // fixture: carkit 300 µs, reference 600 µs
    expect(brokerNotes(brokers()).join('\n')).toContain('the reference broker needs 2.00× carkit\'s CPU for each grant (carkit in Express: 400 µs, 1.50×)')
  })

  it('adds emulator and load generator CPU for the whole-machine ratio', () => {
    // carkit 300 + 100 + 150 = 550, reference 600 + 100 + 150 = 850
    const text = brokerNotes(brokers()).join('\n')
    expect(text).toContain('carkit 550 µs, reference 850 µs, a ratio of 1.55×')
  })

  it('lists the throughput of every round', () => {
    const b = brokers()
    b.throughputRatioByRound = [1.2, 1.4, 1.3]
    expect(brokerNotes(b)[0]).toContain('round by round 1.20×, 1.40×, 1.30×. Mounted in Express with `createApp`: 1.60×.')
  })

  it('adds the profile only when one was taken', () => {
    const b = brokers()
    expect(brokerNotes(b).join('\n')).not.toContain('cpu-prof')
    b.profile = { busyMs: 1000, areas: [{ name: 'native: writev', selfMs: 280, percent: 28 }], functions: [], file: '(not kept)', target: 'carkit broker in Express 5 (createApp)' }
    expect(brokerNotes(b).join('\n')).toContain('| native: writev | 280 ms | 28.0 % |')
    expect(brokerNotes(b).join('\n')).toContain('### Where the carkit broker in Express 5 (createApp) spends its CPU')
  })
})
