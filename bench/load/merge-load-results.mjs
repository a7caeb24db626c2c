// @ts-check
import { summarizeSamples } from '../stats/summarize-samples.mjs'

/**
 * @typedef {import('./run-load.mjs').LoadResult} LoadResult
 */

/**
 * Combines several runs against one target (rounds interleaved with other targets, so a burst
 * of noise on a shared machine hits every target a little rather than one a lot) into one
 * result: counts and durations add up, requests per second is total successes over total time,
 * and percentiles are taken over all the latencies together.
 *
 * @param {LoadResult[]} runs
 * @returns {LoadResult}
 * @example
 * const load = mergeLoadResults([round1, round2])
 * load.requestsPerSec
 */
export function mergeLoadResults(runs) {
  const first = runs[0]
  if (first === undefined) throw new TypeError('mergeLoadResults needs at least one run.')
  if (runs.some((run) => run.connections !== first.connections)) {
    throw new TypeError('mergeLoadResults only merges runs made with the same number of connections.')
  }
  const sum = (/** @type {(run: LoadResult) => number} */ pick) => runs.reduce((total, run) => total + pick(run), 0)
  /** @type {Record<string, number>} */
  const failures = {}
  for (const run of runs) {
    for (const [kind, count] of Object.entries(run.failures)) failures[kind] = (failures[kind] ?? 0) + count
  }
  const latenciesMs = runs.flatMap((run) => run.latenciesMs)
  const latency = summarizeSamples(latenciesMs)
  const durationSec = sum((run) => run.durationSec)
  const succeeded = sum((run) => run.succeeded)
  return {
    requestsPerSec: succeeded / durationSec,
    completed: sum((run) => run.completed),
    succeeded,
    failed: sum((run) => run.failed),
    connectionErrors: sum((run) => run.connectionErrors),
    failures,
    p50Ms: latency.median,
    p90Ms: latency.p90,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    durationSec,
    connections: first.connections,
    latenciesMs,
  }
}
