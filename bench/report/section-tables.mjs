// @ts-check
import { formatBytes, formatCount, formatMiB, formatMs, formatRatio } from './format-measurement.mjs'

/**
 * @typedef {object} ResultTable
 * @property {string} title
 * @property {string[]} headers
 * @property {string[][]} rows
 */

/**
 * The result tables of one run, section by section, shared by the console and Markdown
 * renderers so both always show the same numbers. A section that failed or was not run has
 * no tables.
 *
 * @param {import('./bench-results.mjs').BenchResults} results
 * @returns {ResultTable[]}
 * @example
 * for (const table of sectionTables(results)) console.log(table.title)
 */
export function sectionTables(results) {
  return [...signingTables(results), ...brokerTables(results), ...sizeTables(results), ...browserTables(results)]
}

/** @param {import('./bench-results.mjs').BenchResults} results @returns {ResultTable[]} */
function signingTables(results) {
  if (!results.signing?.ok) return []
  const s = results.signing.value
  const range = (/** @type {number[]} */ rounds) => `${formatCount(Math.min(...rounds))} – ${formatCount(Math.max(...rounds))}`
  return [
    {
      title: `Signing (${s.rounds} interleaved rounds of ${s.roundMs} ms, ${s.payloadBytes}-byte ApplyConcurrent payload)`,
      headers: ['signer', 'ops/s (median)', 'rounds min – max', 'vs official'],
      rows: [
        ['carkit signTc3', formatCount(s.oursOpsPerSec), range(s.oursRounds), formatRatio(s.ratio)],
        [
          'carkit signTc3, another UTC date every call (key cache never hits)',
          formatCount(s.oursNewDateOpsPerSec),
          range(s.oursNewDateRounds),
          formatRatio(s.oursNewDateOpsPerSec / s.officialOpsPerSec),
        ],
        ['official Sign.sign3 (Buffer payload)', formatCount(s.officialOpsPerSec), range(s.officialRounds), formatRatio(1)],
        [
          'official Sign.sign3 (request object, as CommonClient calls it)',
          formatCount(s.officialObjectOpsPerSec),
          range(s.officialObjectRounds),
          formatRatio(s.officialObjectOpsPerSec / s.officialOpsPerSec),
        ],
      ],
    },
  ]
}

/** @param {import('./bench-results.mjs').BenchResults} results @returns {ResultTable[]} */
function brokerTables(results) {
  if (!results.brokers?.ok) return []
  const b = results.brokers.value
  const targets = [b.targets.carkit, b.targets.carkitExpress, b.targets.reference, b.targets.direct]
  const rounds = b.settings.rounds > 1 ? ` (${b.settings.rounds} interleaved rounds)` : ''
  const cpu = (/** @type {number | undefined} */ us) => (us === undefined ? '–' : `${formatCount(us)} µs`)
  return [
    {
      title: `Broker end to end: ${b.settings.connections} connections, ${b.settings.durationSec} s per target${rounds} after ${b.settings.warmupSec} s warm-up`,
      headers: ['target', 'req/s', 'p50', 'p99', 'failed / non-2xx', 'socket errors', 'peak RSS', 'broker CPU / req', 'emulator CPU / req', 'load generator CPU / req'],
      rows: targets.map((t) => [
        t.label,
        formatCount(t.load.requestsPerSec),
        formatMs(t.load.p50Ms),
        formatMs(t.load.p99Ms),
        formatCount(t.load.failed),
        formatCount(t.load.connectionErrors),
        t.usage ? formatMiB(t.usage.maxRssBytes) : `${formatMiB(b.emulatorUsage.maxRssBytes)} (emulator)`,
        cpu(t.brokerCpuUsPerRequest),
        cpu(t.emulatorCpuUsPerRequest),
        cpu(t.loadGeneratorCpuUsPerRequest),
      ]),
    },
    {
      title: `Broker end to end: 1 connection, ${b.settings.singleDurationSec} s per target${rounds} — latency without queueing`,
      headers: ['target', 'req/s', 'p50', 'p90', 'p99', 'p50 over direct'],
      rows: targets.map((t) => [
        t.label,
        formatCount(t.single.requestsPerSec),
        formatMs(t.single.p50Ms),
        formatMs(t.single.p90Ms),
        formatMs(t.single.p99Ms),
        t === b.targets.direct ? '–' : formatMs(t.single.p50Ms - b.targets.direct.single.p50Ms),
      ]),
    },
  ]
}

/** @param {import('./bench-results.mjs').BenchResults} results @returns {ResultTable[]} */
function sizeTables(results) {
  if (!results.size?.ok) return []
  const s = results.size.value
  return [
    {
      title: 'SDK size (min: Oxc minifier as used by vite; gzip: zlib level 9 of the minified code)',
      headers: ['build', 'as built', 'min', 'min + gzip'],
      rows: [
        [`${s.esm.file} (SDK's own code; imports ${s.esm.externalImports.join(', ') || 'nothing'})`, formatBytes(s.esm.rawBytes), formatBytes(s.esm.minBytes), formatBytes(s.esm.gzipBytes)],
        [`${s.iife.file} (everything, window.CarKit)`, formatBytes(s.iife.rawBytes), formatBytes(s.iife.minBytes), formatBytes(s.iife.gzipBytes)],
        ['ky + nanoid + IIFE wrapper (difference)', '', formatBytes(s.iife.minBytes - s.esm.minBytes), formatBytes(s.bundledDepsGzipBytes)],
      ],
    },
  ]
}

/** @param {import('./bench-results.mjs').BenchResults} results @returns {ResultTable[]} */
function browserTables(results) {
  if (!results.browser?.ok) return []
  const r = results.browser.value
  return [
    {
      title: `Browser time-to-grant (headless Chromium ${r.browserVersion}, ${r.runs} fresh clients, IIFE build, broker + emulator)`,
      headers: ['round trip', 'median', 'p90', 'min', 'max', `first call of a fresh context (median of ${r.coldSdk.count})`],
      rows: [
        ['createCarClient → granted', formatMs(r.sdk.median), formatMs(r.sdk.p90), formatMs(r.sdk.min), formatMs(r.sdk.max), formatMs(r.coldSdk.median)],
        ['bare fetch POST → JSON', formatMs(r.fetch.median), formatMs(r.fetch.p90), formatMs(r.fetch.min), formatMs(r.fetch.max), formatMs(r.coldFetch.median)],
        ['SDK − fetch', formatMs(r.sdk.median - r.fetch.median), formatMs(r.sdk.p90 - r.fetch.p90), '', '', formatMs(r.coldSdk.median - r.coldFetch.median)],
      ],
    },
  ]
}
