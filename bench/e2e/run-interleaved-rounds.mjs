// @ts-check
import { runLoad } from '../load/run-load.mjs'

/**
 * @typedef {import('../load/run-load.mjs').LoadResult} LoadResult
 * @typedef {import('../processes/start-child.mjs').ChildUsage} ChildUsage
 * @typedef {import('../processes/start-child.mjs').StartedChild} StartedChild
 */

/**
 * @typedef {object} Target
 * @property {'carkit' | 'carkitExpress' | 'reference' | 'direct'} key
 * @property {string} label
 * @property {string} url
 * @property {() => () => import('../load/run-load.mjs').LoadRequest} requests a fresh request sequence
 * @property {(status: number, body: string) => boolean} isSuccess
 * @property {StartedChild | undefined} server the broker process
 */

/**
 * @typedef {object} RoundsResult
 * @property {LoadResult[]} runs one per round, in order
 * @property {number} serverCpuMs broker process CPU (user + system) during this target's runs
 * @property {number} emulatorCpuMs emulator process CPU during this target's runs
 * @property {number} loadGeneratorCpuMs this process's CPU (autocannon, and signing for direct calls) during this target's runs
 */

/**
 * Loads every target `rounds` times at one connection count, the targets taking turns and the
 * order rotating each round, so a burst of noise on a shared machine is shared out rather than
 * landing on one target. The broker's, the emulator's and this process's CPU time are read
 * around every run.
 *
 * @param {{ targets: Target[], emulator: StartedChild, connections: number, totalSec: number, rounds: number, log: (line: string) => void }} options
 *   `totalSec`: measured time per target, split evenly over the rounds (at least 1 s each)
 * @returns {Promise<Map<Target['key'], RoundsResult>>}
 * @example
 * const byTarget = await runInterleavedRounds({ targets, emulator, connections: 32, totalSec: 10, rounds: 5, log: console.log })
 * byTarget.get('carkit')?.runs.length // 5
 */
export async function runInterleavedRounds(options) {
  const { targets, emulator, connections, rounds, log } = options
  const roundSec = Math.max(1, Math.round(options.totalSec / rounds))
  /** @type {Map<Target['key'], RoundsResult>} */
  const results = new Map(targets.map((t) => [t.key, { runs: [], serverCpuMs: 0, emulatorCpuMs: 0, loadGeneratorCpuMs: 0 }]))
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const target = /** @type {Target} */ (targets[(round + turn) % targets.length])
      const serverBefore = await target.server?.usage()
      const emulatorBefore = await emulator.usage()
      const ownBefore = process.cpuUsage()
      const run = await runLoad({ url: target.url, nextRequest: target.requests(), isSuccess: target.isSuccess, connections, durationSec: roundSec })
      const own = process.cpuUsage(ownBefore)
      const serverAfter = await target.server?.usage()
      const emulatorAfter = await emulator.usage()
      const result = /** @type {RoundsResult} */ (results.get(target.key))
      result.runs.push(run)
      result.serverCpuMs += serverBefore && serverAfter ? cpuMs(serverAfter) - cpuMs(serverBefore) : 0
      result.emulatorCpuMs += cpuMs(emulatorAfter) - cpuMs(emulatorBefore)
      result.loadGeneratorCpuMs += (own.user + own.system) / 1000
      log(
        `round ${round + 1}/${rounds}, ${connections} conn, ${target.label}: ${Math.round(run.requestsPerSec)} req/s, ` +
          `p50 ${run.p50Ms.toFixed(3)} ms, p99 ${run.p99Ms.toFixed(3)} ms, failed ${run.failed + run.connectionErrors}`,
      )
    }
  }
  return results
}

/** @param {ChildUsage} usage */
function cpuMs(usage) {
  return usage.cpuUserMs + usage.cpuSystemMs
}
