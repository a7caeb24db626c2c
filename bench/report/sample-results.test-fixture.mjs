// @ts-check
// A complete BenchResults for the report tests; each test overrides what it is about.

/**
 * A load run's result with plausible numbers, overridden by `fields`.
 *
 * @param {Partial<import('../load/run-load.mjs').LoadResult>} fields
 * @returns {import('../load/run-load.mjs').LoadResult}
 * @example
 * sampleLoad({ requestsPerSec: 2000 })
 */
export function sampleLoad(fields = {}) {
  return {
    requestsPerSec: 1000,
    completed: 10_000,
    succeeded: 10_000,
    failed: 0,
    connectionErrors: 0,
    failures: {},
    p50Ms: 10,
    p90Ms: 20,
    p99Ms: 40,
    meanMs: 12,
    durationSec: 10,
    connections: 32,
    latenciesMs: [],
    ...fields,
  }
}

/**
 * A whole run's results where every goal is met (signing 3×, throughput 2×, overhead 0.5 ms),
 * with knobs for the numbers the goals look at.
 *
 * @example
 * sampleResults({ carkitRps: 1400, referenceRps: 1000 }) // throughput goal missed
 * @param {{ signingRatio?: number, carkitRps?: number, carkitExpressRps?: number, referenceRps?: number, carkitSingleP50?: number, directSingleP50?: number }} [knobs]
 * @returns {import('./bench-results.mjs').BenchResults}
 */
export function sampleResults(knobs = {}) {
  const usage = { maxRssBytes: 120 * 1024 * 1024, cpuUserMs: 1000, cpuSystemMs: 100 }
  const signingRatio = knobs.signingRatio ?? 3
  return {
    machine: { cpuModel: 'Test CPU 9000', cores: 2, memory: '8.0 GiB', os: 'Linux 6 x64', node: 'v20.20.2', date: '2026-12-03T18:05:00Z' },
    run: { durationSec: 120, quick: false, command: 'pnpm bench' },
    signing: {
      ok: true,
      value: {
        oursOpsPerSec: 80_000 * signingRatio,
        oursNewDateOpsPerSec: 100_000,
        officialOpsPerSec: 80_000,
        officialObjectOpsPerSec: 60_000,
        ratio: signingRatio,
        rounds: 15,
        roundMs: 200,
        payload: '{}',
        payloadBytes: 154,
        oursRounds: [80_000 * signingRatio],
        oursNewDateRounds: [100_000],
        officialRounds: [80_000],
        officialObjectRounds: [60_000],
      },
    },
    brokers: {
      ok: true,
      value: {
        targets: {
          carkit: {
            label: 'carkit broker',
            load: sampleLoad({ requestsPerSec: knobs.carkitRps ?? 3000 }),
            single: sampleLoad({ connections: 1, p50Ms: knobs.carkitSingleP50 ?? 0.6 }),
            usage,
            brokerCpuUsPerRequest: 300,
            emulatorCpuUsPerRequest: 100,
            loadGeneratorCpuUsPerRequest: 150,
          },
          carkitExpress: {
            label: 'carkit broker in Express 5 (createApp)',
            load: sampleLoad({ requestsPerSec: knobs.carkitExpressRps ?? 2400 }),
            single: sampleLoad({ connections: 1, p50Ms: 0.7 }),
            usage,
            brokerCpuUsPerRequest: 400,
            emulatorCpuUsPerRequest: 100,
            loadGeneratorCpuUsPerRequest: 150,
          },
          reference: {
            label: 'reference broker (Express 5 + official SDK)',
            load: sampleLoad({ requestsPerSec: knobs.referenceRps ?? 1500 }),
            single: sampleLoad({ connections: 1, p50Ms: 0.8 }),
            usage,
            brokerCpuUsPerRequest: 600,
            emulatorCpuUsPerRequest: 100,
            loadGeneratorCpuUsPerRequest: 150,
          },
          direct: {
            label: 'emulator called directly',
            load: sampleLoad({ requestsPerSec: 9000 }),
            single: sampleLoad({ connections: 1, p50Ms: knobs.directSingleP50 ?? 0.1 }),
            usage: undefined,
            brokerCpuUsPerRequest: undefined,
            emulatorCpuUsPerRequest: 60,
            loadGeneratorCpuUsPerRequest: 120,
          },
        },
        emulatorUsage: usage,
        settings: { connections: 32, durationSec: 10, warmupSec: 3, singleDurationSec: 5, rounds: 5 },
        throughputRatio: (knobs.carkitRps ?? 3000) / (knobs.referenceRps ?? 1500),
        expressThroughputRatio: (knobs.carkitExpressRps ?? 2400) / (knobs.referenceRps ?? 1500),
        throughputRatioByRound: [2, 2],
        overheadP50Ms: (knobs.carkitSingleP50 ?? 0.6) - (knobs.directSingleP50 ?? 0.1),
        overheadP50UnderLoadMs: 0,
        profile: undefined,
      },
    },
    size: {
      ok: true,
      value: {
        esm: { file: 'dist/carkit.js', rawBytes: 6728, minBytes: 6728, gzipBytes: 3041, externalImports: ['ky', 'nanoid'] },
        iife: { file: 'dist/carkit.iife.js', rawBytes: 31_769, minBytes: 31_769, gzipBytes: 11_351, externalImports: [] },
        bundledDepsGzipBytes: 8310,
        esmKeepsDepsExternal: true,
      },
    },
    browser: {
      ok: true,
      value: {
        sdk: { count: 20, min: 5, median: 7, p90: 10, p99: 12, max: 12, mean: 7.5 },
        fetch: { count: 20, min: 4, median: 5, p90: 8, p99: 9, max: 9, mean: 5.5 },
        coldSdk: { count: 5, min: 80, median: 90, p90: 95, p99: 99, max: 100, mean: 90 },
        coldFetch: { count: 5, min: 20, median: 30, p90: 35, p99: 39, max: 40, mean: 30 },
        runs: 20,
        browserVersion: '156.0',
      },
    },
  }
}
