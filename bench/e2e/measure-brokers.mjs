// @ts-check
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  brokerApplyConcurrentRequests,
  isBrokerGrant,
  isCarApiSuccess,
  signedEmulatorApplyConcurrentRequests,
} from '../load/apply-concurrent-requests.mjs'
import { mergeLoadResults } from '../load/merge-load-results.mjs'
import { runLoad } from '../load/run-load.mjs'
import { startChild } from '../processes/start-child.mjs'
import { summarizeCpuProfile } from '../profile/summarize-cpu-profile.mjs'

const PROJECT_ID = 'cap-bench'
const child = (/** @type {string} */ name) => fileURLToPath(new URL(`../processes/${name}`, import.meta.url))

/**
 * @typedef {import('../load/run-load.mjs').LoadResult} LoadResult
 * @typedef {import('../processes/start-child.mjs').ChildUsage} ChildUsage
 * @typedef {import('../profile/summarize-cpu-profile.mjs').ProfileSummary} ProfileSummary
 */

/**
 * @typedef {object} TargetResult
 * @property {string} label
 * @property {LoadResult} load the fixed-duration runs at `connections` connections, merged
 * @property {LoadResult} single the runs at one connection (latency without queueing), merged
 * @property {ChildUsage | undefined} usage the broker process's own usage at the end (none for the emulator called directly)
 * @property {number | undefined} brokerCpuUsPerRequest broker process CPU time (user + system) per successful request, at `connections` connections
 * @property {number} emulatorCpuUsPerRequest emulator process CPU time per successful request, at `connections` connections
 */

/**
 * @typedef {object} BrokerBenchSettings
 * @property {number} connections
 * @property {number} durationSec measured time per target at `connections`, split over `rounds`
 * @property {number} warmupSec
 * @property {number} singleDurationSec measured time per target at one connection, split over `rounds`
 * @property {number} rounds
 */

/**
 * @typedef {object} BrokerBenchResult
 * @property {{ carkit: TargetResult, reference: TargetResult, direct: TargetResult }} targets
 * @property {ChildUsage} emulatorUsage
 * @property {BrokerBenchSettings} settings
 * @property {number} throughputRatio carkit / reference requests per second (all rounds pooled)
 * @property {number[]} throughputRatioByRound carkit / reference in each round, a check on noise between rounds
 * @property {number} overheadP50Ms carkit p50 − direct p50, at one connection
 * @property {number} overheadP50UnderLoadMs carkit p50 − direct p50, at `connections` connections
 * @property {(ProfileSummary & { file: string }) | undefined} profile carkit broker CPU profile, when taken
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
 * @typedef {object} Target
 * @property {'carkit' | 'reference' | 'direct'} key
 * @property {string} label
 * @property {string} url
 * @property {() => () => import('../load/run-load.mjs').LoadRequest} requests a fresh request sequence
 * @property {(status: number, body: string) => boolean} isSuccess
 * @property {import('../processes/start-child.mjs').StartedChild | undefined} server the broker process
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
    const referenceServer = await startChild(child('reference-broker-child.mjs'), { env: brokerEnv })
    cleanups.push(referenceServer.stop)

    /** @type {Target[]} */
    const targets = [
      { key: 'carkit', label: 'carkit broker', url: String(carkitServer.ready.url), requests: () => brokerApplyConcurrentRequests(), isSuccess: isBrokerGrant, server: carkitServer },
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
      await assertOneRequestSucceeds(target.label, target.url, target.requests(), target.isSuccess)
      log(`warm-up: ${target.label}, ${settings.warmupSec} s`)
      await runLoad({ url: target.url, nextRequest: target.requests(), isSuccess: target.isSuccess, connections: settings.connections, durationSec: settings.warmupSec })
    }

    const underLoad = await runPhase(targets, emulator, settings.connections, settings.durationSec, settings.rounds, log)
    const oneConnection = await runPhase(targets, emulator, 1, settings.singleDurationSec, settings.rounds, log)

    /** @type {(key: Target['key']) => Promise<TargetResult>} */
    const resultOf = async (key) => {
      const target = /** @type {Target} */ (targets.find((t) => t.key === key))
      const phase = /** @type {PhaseResult} */ (underLoad.get(key))
      const load = mergeLoadResults(phase.runs)
      return {
        label: target.label,
        load,
        single: mergeLoadResults(/** @type {PhaseResult} */ (oneConnection.get(key)).runs),
        usage: target.server ? await target.server.usage() : undefined,
        brokerCpuUsPerRequest: target.server ? (phase.serverCpuMs * 1000) / load.succeeded : undefined,
        emulatorCpuUsPerRequest: (phase.emulatorCpuMs * 1000) / load.succeeded,
      }
    }
    const carkit = await resultOf('carkit')
    const reference = await resultOf('reference')
    const direct = await resultOf('direct')
    const throughputRatio = carkit.load.requestsPerSec / reference.load.requestsPerSec
    const carkitRounds = /** @type {PhaseResult} */ (underLoad.get('carkit')).runs
    const referenceRounds = /** @type {PhaseResult} */ (underLoad.get('reference')).runs
    const throughputRatioByRound = carkitRounds.map((run, i) => run.requestsPerSec / (referenceRounds[i]?.requestsPerSec ?? Number.NaN))
    const overheadP50Ms = carkit.single.p50Ms - direct.single.p50Ms
    const overheadP50UnderLoadMs = carkit.load.p50Ms - direct.load.p50Ms
    const emulatorUsage = await emulator.usage()
    await referenceServer.stop()
    await carkitServer.stop()

    const goalMissed = !(throughputRatio >= 1.5) || !(overheadP50Ms <= 1)
    const mode = options.profile ?? 'auto'
    /** @type {BrokerBenchResult['profile']} */
    let profile
    if (mode === 'always' || (mode === 'auto' && goalMissed)) {
      log('profile: carkit broker under --cpu-prof')
      profile = await profileCarkitBroker(brokerEnv, settings, options.profileOutput)
    }
    return { targets: { carkit, reference, direct }, emulatorUsage, settings, throughputRatio, throughputRatioByRound, overheadP50Ms, overheadP50UnderLoadMs, profile }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
}

/**
 * @typedef {object} PhaseResult
 * @property {LoadResult[]} runs
 * @property {number} serverCpuMs broker process CPU during this target's runs
 * @property {number} emulatorCpuMs emulator process CPU during this target's runs
 */

/**
 * Runs every target `rounds` times at one connection count, the order rotating each round.
 *
 * @param {Target[]} targets
 * @param {import('../processes/start-child.mjs').StartedChild} emulator
 * @param {number} connections
 * @param {number} totalSec per target
 * @param {number} rounds
 * @param {(line: string) => void} log
 * @returns {Promise<Map<Target['key'], PhaseResult>>}
 */
async function runPhase(targets, emulator, connections, totalSec, rounds, log) {
  const roundSec = Math.max(1, Math.round(totalSec / rounds))
  /** @type {Map<Target['key'], PhaseResult>} */
  const results = new Map(targets.map((t) => [t.key, { runs: [], serverCpuMs: 0, emulatorCpuMs: 0 }]))
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const target = /** @type {Target} */ (targets[(round + turn) % targets.length])
      const serverBefore = await target.server?.usage()
      const emulatorBefore = await emulator.usage()
      const run = await runLoad({ url: target.url, nextRequest: target.requests(), isSuccess: target.isSuccess, connections, durationSec: roundSec })
      const serverAfter = await target.server?.usage()
      const emulatorAfter = await emulator.usage()
      const phase = /** @type {PhaseResult} */ (results.get(target.key))
      phase.runs.push(run)
      phase.serverCpuMs += serverBefore && serverAfter ? cpuMs(serverAfter) - cpuMs(serverBefore) : 0
      phase.emulatorCpuMs += cpuMs(emulatorAfter) - cpuMs(emulatorBefore)
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

/**
 * A benchmark of a target that refuses every request measures nothing; stop early and say why.
 *
 * @param {string} label
 * @param {string} url
 * @param {() => import('../load/run-load.mjs').LoadRequest} nextRequest
 * @param {(status: number, body: string) => boolean} isSuccess
 */
async function assertOneRequestSucceeds(label, url, nextRequest, isSuccess) {
  const request = nextRequest()
  const response = await fetch(new URL(request.path, url), { method: 'POST', headers: request.headers, body: request.body })
  const body = await response.text()
  if (!isSuccess(response.status, body)) {
    throw new Error(`${label} at ${url} did not answer a first ApplyConcurrent with success (HTTP ${response.status}: ${body.slice(0, 300)}). Fix that before benchmarking it.`)
  }
}

/**
 * @param {Record<string, string>} brokerEnv
 * @param {BrokerBenchResult['settings']} settings
 * @param {string | undefined} keepAs
 * @returns {Promise<ProfileSummary & { file: string }>}
 */
async function profileCarkitBroker(brokerEnv, settings, keepAs) {
  const dir = mkdtempSync(join(tmpdir(), 'carkit-bench-prof-'))
  try {
    const broker = await startChild(child('carkit-broker-child.mjs'), {
      env: brokerEnv,
      execArgv: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200'],
    })
    try {
      await runLoad({
        url: /** @type {string} */ (broker.ready.url),
        nextRequest: brokerApplyConcurrentRequests(),
        isSuccess: isBrokerGrant,
        connections: settings.connections,
        durationSec: Math.min(settings.durationSec, 8),
      })
    } finally {
      await broker.stop()
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error('The profiled broker exited without writing a .cpuprofile.')
    const text = readFileSync(join(dir, file), 'utf8')
    if (keepAs) {
      writeFileSync(keepAs, text)
    }
    return { ...summarizeCpuProfile(JSON.parse(text)), file: keepAs ?? '(not kept)' }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
