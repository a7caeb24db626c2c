// @ts-check
import { fileURLToPath } from 'node:url'
import {
  brokerApplyConcurrentRequests,
  isBrokerGrant,
  isCarApiSuccess,
  signedEmulatorApplyConcurrentRequests,
} from '../load/apply-concurrent-requests.mjs'
import { mergeLoadResults } from '../load/merge-load-results.mjs'
import { assertOneRequestSucceeds } from '../load/assert-one-request-succeeds.mjs'
import { runLoad } from '../load/run-load.mjs'
import { startChild } from '../processes/start-child.mjs'
import { profileCarkitBroker } from './profile-carkit-broker.mjs'
import { runInterleavedRounds } from './run-interleaved-rounds.mjs'

const PROJECT_ID = 'cap-bench'
const child = (/** @type {string} */ name) => fileURLToPath(new URL(`../processes/${name}`, import.meta.url))

/**
 * @typedef {import('./run-interleaved-rounds.mjs').Target} Target
 * @typedef {import('./run-interleaved-rounds.mjs').RoundsResult} RoundsResult
 * @typedef {import('./broker-bench-result.mjs').TargetResult} TargetResult
 * @typedef {import('./broker-bench-result.mjs').BrokerBenchSettings} BrokerBenchSettings
 * @typedef {import('./broker-bench-result.mjs').BrokerBenchResult} BrokerBenchResult
 */

/**
 * @typedef {(input: import('../signing/measure-signing.mjs').SignTc3Input) => { headers: object }} SignTc3ForRequests
 */

/**
 * @typedef {object} MeasureBrokersOptions
 * @property {SignTc3ForRequests} signTc3 signs the direct emulator calls
 * @property {number} [connections] default 32
 * @property {number} [durationSec] measured time per target (default 10, as 5 rounds of 2 s)
 * @property {number} [warmupSec] unmeasured run per target first (default 3)
 * @property {number} [singleDurationSec] one-connection measured time per target (default 5)
 * @property {number} [rounds] how many interleaved rounds the measured time is split into (default 5)
 * @property {'auto' | 'always' | 'never'} [profile] profile carkit's broker: when a goal is missed (default), always, or never
 * @property {string} [profileOutput] where to keep the `.cpuprofile` (default: a temp dir, deleted)
 * @property {(line: string) => void} [log] progress lines
 */

/**
 * Broker end-to-end benchmark. One emulator process (capacity and rate limit raised so no
 * call is refused) serves three targets, each loaded by autocannon from this process with a
 * fresh UserId per request: (a) carkit's broker, (b) the reference broker (Express 5 +
 * official CommonClient), both in their own processes, and (c) the emulator called directly
 * with requests signed here. After a warm-up of each, the measured time is split into rounds
 * and the targets take turns (order rotating), first at `connections` connections, then at one;
 * each target's rounds are merged. CPU time of the broker and emulator processes is recorded
 * around every run, giving CPU per request — a steadier figure than requests per second on a
 * shared machine. When carkit's broker misses a goal (or `profile: 'always'`) it runs once more
 * under `--cpu-prof` and the profile is summarised.
 *
 * @param {MeasureBrokersOptions} options
 * @returns {Promise<BrokerBenchResult>}
 * @example
 * import { signTc3 } from '@carkit/broker'
 * const result = await measureBrokers({ signTc3 })
 * console.log(result.throughputRatio, result.overheadP50Ms)
 */
export async function measureBrokers(options) {
  /** @type {BrokerBenchSettings} */
  const settings = {
    connections: options.connections ?? 32,
    durationSec: options.durationSec ?? 10,
    warmupSec: options.warmupSec ?? 3,
    singleDurationSec: options.singleDurationSec ?? 5,
    rounds: options.rounds ?? 5,
  }
  const log = options.log ?? (() => undefined)
  /** @type {Array<() => Promise<void>>} */
  const cleanups = []
  try {
    const emulator = await startChild(child('emulator-child.mjs'), {
      env: {
        CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({
          projects: [PROJECT_ID],
          capacity: 1_000_000_000,
          rateLimitPerSecond: 1_000_000_000,
          // Every request takes a new slot; a short lock keeps the emulator's slot table small.
          lockTtlMs: 10_000,
        }),
      },
    })
    cleanups.push(emulator.stop)
    const upstreamUrl = /** @type {string} */ (emulator.ready.url)
    const credentials = /** @type {{ secretId: string, secretKey: string }} */ (emulator.ready.credentials)
    const brokerEnv = {
      CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({
        upstreamUrl,
        ...credentials,
        projectIds: [PROJECT_ID],
        rateLimit: '1000000/sec',
        upstreamRps: 1_000_000,
      }),
    }
    const carkitServer = await startChild(child('carkit-broker-child.mjs'), { env: brokerEnv })
    cleanups.push(carkitServer.stop)
    const carkitExpressServer = await startChild(child('carkit-express-child.mjs'), { env: brokerEnv })
    cleanups.push(carkitExpressServer.stop)
    const referenceServer = await startChild(child('reference-broker-child.mjs'), { env: brokerEnv })
    cleanups.push(referenceServer.stop)

    /** @type {Target[]} */
    const targets = [
      { key: 'carkit', label: 'carkit broker (startBroker, as the CLI serves it)', url: String(carkitServer.ready.url), requests: () => brokerApplyConcurrentRequests(), isSuccess: isBrokerGrant, server: carkitServer },
      { key: 'carkitExpress', label: 'carkit broker in Express 5 (createApp)', url: String(carkitExpressServer.ready.url), requests: () => brokerApplyConcurrentRequests(), isSuccess: isBrokerGrant, server: carkitExpressServer },
      { key: 'reference', label: 'reference broker (Express 5 + official SDK)', url: String(referenceServer.ready.url), requests: () => brokerApplyConcurrentRequests(), isSuccess: isBrokerGrant, server: referenceServer },
      {
        key: 'direct',
        label: 'emulator called directly',
        url: upstreamUrl,
        requests: () => signedEmulatorApplyConcurrentRequests({ url: upstreamUrl, ...credentials, projectId: PROJECT_ID, signTc3: options.signTc3 }),
        isSuccess: isCarApiSuccess,
        server: undefined,
      },
    ]

    for (const target of targets) {
      await assertOneRequestSucceeds(target.label, target.url, target.requests()(), target.isSuccess)
      log(`warm-up: ${target.label}, ${settings.warmupSec} s`)
      await runLoad({ url: target.url, nextRequest: target.requests(), isSuccess: target.isSuccess, connections: settings.connections, durationSec: settings.warmupSec })
    }

    const { rounds } = settings
    const underLoad = await runInterleavedRounds({ targets, emulator, connections: settings.connections, totalSec: settings.durationSec, rounds, log })
    const oneConnection = await runInterleavedRounds({ targets, emulator, connections: 1, totalSec: settings.singleDurationSec, rounds, log })

    /** @type {(key: Target['key']) => Promise<TargetResult>} */
    const resultOf = async (key) => {
      const target = /** @type {Target} */ (targets.find((t) => t.key === key))
      const phase = /** @type {RoundsResult} */ (underLoad.get(key))
      const load = mergeLoadResults(phase.runs)
      return {
        label: target.label,
        load,
        single: mergeLoadResults(/** @type {RoundsResult} */ (oneConnection.get(key)).runs),
        usage: target.server ? await target.server.usage() : undefined,
        brokerCpuUsPerRequest: target.server ? (phase.serverCpuMs * 1000) / load.succeeded : undefined,
        emulatorCpuUsPerRequest: (phase.emulatorCpuMs * 1000) / load.succeeded,
        loadGeneratorCpuUsPerRequest: (phase.loadGeneratorCpuMs * 1000) / load.succeeded,
      }
    }
    const carkit = await resultOf('carkit')
    const carkitExpress = await resultOf('carkitExpress')
    const reference = await resultOf('reference')
    const direct = await resultOf('direct')
    const throughputRatio = carkit.load.requestsPerSec / reference.load.requestsPerSec
    const expressThroughputRatio = carkitExpress.load.requestsPerSec / reference.load.requestsPerSec
    const carkitRounds = /** @type {RoundsResult} */ (underLoad.get('carkit')).runs
    const referenceRounds = /** @type {RoundsResult} */ (underLoad.get('reference')).runs
    const throughputRatioByRound = carkitRounds.map((run, i) => run.requestsPerSec / (referenceRounds[i]?.requestsPerSec ?? Number.NaN))
    const overheadP50Ms = carkit.single.p50Ms - direct.single.p50Ms
    const overheadP50UnderLoadMs = carkit.load.p50Ms - direct.load.p50Ms
    const emulatorUsage = await emulator.usage()
    await referenceServer.stop()
    await carkitExpressServer.stop()
    await carkitServer.stop()

    // Profile the server that missed a goal: startBroker first, else the Express-mounted broker.
    const serverMissed = !(throughputRatio >= 1.5) || !(overheadP50Ms <= 1)
    const expressMissed = !(expressThroughputRatio >= 1.5)
    const mode = options.profile ?? 'auto'
    /** @type {BrokerBenchResult['profile']} */
    let profile
    if (mode === 'always' || (mode === 'auto' && (serverMissed || expressMissed))) {
      const target = mode === 'always' || serverMissed ? carkit : carkitExpress
      log(`profile: ${target.label} under --cpu-prof`)
      const childModule = target === carkit ? 'carkit-broker-child.mjs' : 'carkit-express-child.mjs'
      const summary = await profileCarkitBroker({ childModule, brokerEnv, connections: settings.connections, durationSec: Math.min(settings.durationSec, 8), keepAs: options.profileOutput })
      profile = { ...summary, target: target.label }
    }
    return { targets: { carkit, carkitExpress, reference, direct }, emulatorUsage, settings, throughputRatio, throughputRatioByRound, expressThroughputRatio, overheadP50Ms, overheadP50UnderLoadMs, profile }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
}
