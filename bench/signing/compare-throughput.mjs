// @ts-check
import { summarizeSamples } from '../stats/summarize-samples.mjs'

/**
 * @typedef {object} CompareThroughputOptions
 * @property {Record<string, () => unknown>} candidates name → one operation to time
 * @property {number} [rounds] measured rounds per candidate (default 15)
 * @property {number} [roundMs] wall time of one candidate's round (default 200)
 * @property {number} [warmupMs] time each candidate runs, unmeasured, before the rounds (default 1000)
 * @property {number} [batch] calls between two clock reads (default 200)
 */

/**
 * @typedef {object} CandidateThroughput
 * @property {number} medianOpsPerSec median over the rounds
 * @property {number} minOpsPerSec
 * @property {number} maxOpsPerSec
 * @property {number[]} roundsOpsPerSec every round, in order
 */

/**
 * Measures operations per second of several functions on a shared, noisy machine: each
 * candidate is warmed up, then the candidates take turns round by round (the order
 * rotates every round, so none always runs first or last), and the median of each
 * candidate's rounds is reported. Results are consumed, so the JIT cannot drop the work.
 *
 * @param {CompareThroughputOptions} options
 * @returns {Record<string, CandidateThroughput>}
 * @example
 * const result = compareThroughput({ candidates: { ours: () => signTc3(input), official: () => sign3(input) } })
 * result.ours.medianOpsPerSec / result.official.medianOpsPerSec
 */
export function compareThroughput(options) {
  const names = Object.keys(options.candidates)
  if (names.length === 0) throw new TypeError('compareThroughput needs at least one candidate in `candidates`.')
  const rounds = options.rounds ?? 15
  const roundMs = options.roundMs ?? 200
  const warmupMs = options.warmupMs ?? 1000
  const batch = options.batch ?? 200

  const sink = { value: 0 }
  /** @type {Record<string, number[]>} */
  const samples = {}
  for (const name of names) {
    samples[name] = []
    runFor(candidate(options.candidates, name), warmupMs, batch, sink)
  }
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = /** @type {string} */ (names[(round + turn) % names.length])
      samples[name]?.push(runFor(candidate(options.candidates, name), roundMs, batch, sink))
    }
  }
  if (sink.value === 0) throw new Error('The benchmarked functions returned nothing; there is nothing to measure.')

  /** @type {Record<string, CandidateThroughput>} */
  const result = {}
  for (const name of names) {
    const rates = samples[name] ?? []
    const summary = summarizeSamples(rates)
    result[name] = {
      medianOpsPerSec: summary.median,
      minOpsPerSec: summary.min,
      maxOpsPerSec: summary.max,
      roundsOpsPerSec: rates,
    }
  }
  return result
}

/**
 * @param {Record<string, () => unknown>} candidates
 * @param {string} name
 */
function candidate(candidates, name) {
  const fn = candidates[name]
  if (typeof fn !== 'function') throw new TypeError(`Candidate \`${name}\` is not a function.`)
  return fn
}

/**
 * Calls `fn` in batches until `durationMs` has passed; returns calls per second.
 *
 * @param {() => unknown} fn
 * @param {number} durationMs
 * @param {number} batch
 * @param {{ value: number }} sink
 */
function runFor(fn, durationMs, batch, sink) {
  const start = process.hrtime.bigint()
  const limit = BigInt(Math.round(durationMs * 1e6))
  let calls = 0
  let elapsed = 0n
  do {
    for (let i = 0; i < batch; i++) sink.value += consume(fn())
    calls += batch
    elapsed = process.hrtime.bigint() - start
  } while (elapsed < limit)
  return calls / (Number(elapsed) / 1e9)
}

/** @param {unknown} value */
function consume(value) {
  if (typeof value === 'string') return value.length
  if (value && typeof value === 'object') return 1
  return value === undefined ? 0 : 1
}
