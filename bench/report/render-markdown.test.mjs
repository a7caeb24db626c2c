// @ts-check
import { describe, expect, it } from 'vitest'
import { renderConsole } from './render-console.mjs'
import { renderMarkdown } from './render-markdown.mjs'
import { sampleResults } from './sample-results.test-fixture.mjs'

describe('renderMarkdown', () => {
  it('names the machine, Node version and date of the run', () => {
    const markdown = renderMarkdown(sampleResults())
    expect(markdown).toContain('| CPU | Test CPU 9000 |')
    expect(markdown).toContain('| Node.js | v20.20.2 |')
    expect(markdown).toContain('| date (UTC) | 2026-12-03T18:05:00Z |')
  })

  it('shows each section\'s numbers', () => {
    const markdown = renderMarkdown(sampleResults())
    expect(markdown).toContain('| carkit signTc3 | 240 000 |')
    expect(markdown).toMatch(/\| carkit broker \| 3 000 \| 10\.0 ms \|/)
    expect(markdown).toContain('| dist/carkit.js (SDK\'s own code; imports ky, nanoid) | 6 728 B | 6 728 B | 3 041 B |')
    expect(markdown).toMatch(/\| createCarClient → granted \| 7\.00 ms \| 10\.0 ms \|/)
  })

  it('marks a missed goal as MISSED', () => {
    const markdown = renderMarkdown(sampleResults({ carkitRps: 1000, referenceRps: 1000 }))
    expect(markdown).toContain('| Broker throughput vs reference broker | ≥ 1.5× | 1.00× | MISSED |')
  })

  it('says why a section was not measured instead of leaving it out', () => {
    const results = { ...sampleResults(), browser: /** @type {const} */ ({ ok: false, error: 'No Chromium for the browser benchmark' }) }
    expect(renderMarkdown(results)).toContain('**Not measured:** No Chromium for the browser benchmark')
  })

  it('includes the CPU profile areas when one was taken', () => {
    const results = sampleResults()
    if (!results.brokers?.ok) throw new Error('fixture has broker results')
    results.brokers.value.profile = {
      busyMs: 2000,
      areas: [{ name: 'express (node_modules)', selfMs: 500, percent: 25 }],
      functions: [{ name: 'handle (router/index.js:150)', selfMs: 100, percent: 5 }],
      file: '(not kept)',
      target: 'carkit broker (startBroker, as the CLI serves it)',
    }
    const markdown = renderMarkdown(results)
    expect(markdown).toContain('| express (node_modules) | 500 ms | 25.0 % |')
    expect(markdown).toContain('| `handle (router/index.js:150)` | 100 ms | 5.0 % |')
  })

  it('warns on a quick run', () => {
    const results = sampleResults()
    results.run.quick = true
    expect(renderMarkdown(results)).toContain('Quick smoke run')
  })
})

describe('renderConsole', () => {
  it('prints the goals with their verdicts', () => {
    const text = renderConsole(sampleResults({ signingRatio: 1.5 }))
    expect(text).toMatch(/Signing: signTc3 vs official Sign\.sign3\s+≥ 2×\s+1\.50×\s+MISSED/)
  })
})
