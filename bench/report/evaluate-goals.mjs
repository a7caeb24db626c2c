// @ts-check
import { formatMs, formatRatio } from './format-measurement.mjs'

/**
 * @typedef {object} GoalVerdict
 * @property {string} goal
 * @property {string} target
 * @property {string} measured
 * @property {boolean | undefined} met `undefined` when it was not measured
 */

/**
 * Checks the run against the goals of issue 6: signing ≥ 2× the official signer, broker
 * throughput ≥ 1.5× the reference broker (the server `startBroker`/the CLI runs, and — held to
 * the same bar — the broker mounted in Express with `createApp`), broker p50 overhead over
 * calling the emulator directly ≤ 1 ms (per request, at one connection; the value under load
 * is shown beside it).
 *
 * @param {import('./bench-results.mjs').BenchResults} results
 * @returns {GoalVerdict[]}
 * @example
 * evaluateGoals(results).filter((g) => g.met === false) // the goals this run missed
 */
export function evaluateGoals(results) {
  const signing = results.signing?.ok ? results.signing.value : undefined
  const brokers = results.brokers?.ok ? results.brokers.value : undefined
  return [
    {
      goal: 'Signing: signTc3 vs official Sign.sign3',
      target: '≥ 2×',
      measured: signing ? formatRatio(signing.ratio) : 'not measured',
      met: signing ? signing.ratio >= 2 : undefined,
    },
    {
      goal: 'Broker throughput vs reference broker',
      target: '≥ 1.5×',
      measured: brokers ? formatRatio(brokers.throughputRatio) : 'not measured',
      met: brokers ? brokers.throughputRatio >= 1.5 : undefined,
    },
    {
      goal: 'Broker throughput vs reference broker, carkit mounted in Express (createApp)',
      target: '≥ 1.5×',
      measured: brokers ? formatRatio(brokers.expressThroughputRatio) : 'not measured',
      met: brokers ? brokers.expressThroughputRatio >= 1.5 : undefined,
    },
    {
      goal: 'Broker p50 overhead over the emulator called directly',
      target: '≤ 1 ms',
      measured: brokers
        ? `${formatMs(brokers.overheadP50Ms)} at 1 connection (${formatMs(brokers.overheadP50UnderLoadMs)} at ${brokers.settings.connections})`
        : 'not measured',
      met: brokers ? brokers.overheadP50Ms <= 1 : undefined,
    },
  ]
}

/**
 * How a verdict reads in a table.
 *
 * @param {boolean | undefined} met
 * @returns {string}
 * @example
 * verdictLabel(false) // 'MISSED'
 */
export function verdictLabel(met) {
  if (met === undefined) return 'not measured'
  return met ? 'met' : 'MISSED'
}
