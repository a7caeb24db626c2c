// @ts-check
import { describe, expect, it } from 'vitest'
import { areaOf, summarizeCpuProfile } from './summarize-cpu-profile.mjs'

/** @param {number} id @param {string} functionName @param {string} url */
const node = (id, functionName, url) => ({ id, callFrame: { functionName, url, lineNumber: 9 } })

const profile = {
  nodes: [
    node(1, '(root)', ''),
    node(2, '(idle)', ''),
    node(3, 'handle', 'file:///w/node_modules/.pnpm/express@5.3.0/node_modules/express/lib/router.js'),
    node(4, 'signTc3', 'file:///w/packages/broker/dist/signing/sign-tc3.js'),
    node(5, '(garbage collector)', ''),
    node(6, 'writeGeneric', 'node:internal/stream_base_commons'),
  ],
  // idle 500 µs, express 300, signTc3 100 + 100, GC 100, node internals 400
  samples: [2, 3, 4, 4, 5, 6],
  timeDeltas: [500, 300, 100, 100, 100, 400],
}

describe('summarizeCpuProfile', () => {
  it('adds up self time per function and leaves idle time out', () => {
    const summary = summarizeCpuProfile(profile)
    expect(summary.busyMs).toBeCloseTo(1.0)
    expect(summary.functions[0]).toEqual({ name: 'writeGeneric (node:internal/stream_base_commons:10)', selfMs: 0.4, percent: 40 })
    expect(summary.functions.find((f) => f.name.startsWith('signTc3'))?.selfMs).toBeCloseTo(0.2)
    expect(summary.functions.some((f) => f.name.startsWith('(idle)'))).toBe(false)
  })

  it('groups time by package, carkit folder, node internals and GC', () => {
    const areas = Object.fromEntries(summarizeCpuProfile(profile).areas.map((a) => [a.name, a.percent]))
    expect(areas).toEqual({
      'node internals: stream_base_commons': 40,
      'express (node_modules)': 30,
      '@carkit/broker: signing': 20,
      'garbage collection': 10,
    })
  })

  it('keeps only the requested number of entries', () => {
    expect(summarizeCpuProfile(profile, { top: 2 }).functions).toHaveLength(2)
  })
})

describe('areaOf', () => {
  it('names scoped packages with their scope', () => {
    expect(areaOf('file:///w/node_modules/.pnpm/@x+y@1/node_modules/@x/y/index.js', 'f')).toBe('@x/y (node_modules)')
  })
})
