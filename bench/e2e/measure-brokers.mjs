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
 * @property {LoadResult} load the fixed-duration run at `connections` connections
 * @property {LoadResult} single the run at one connection: latency without queueing
 * @property {ChildUsage | undefined} usage the broker process's own usage (none for the emulator called directly)
 */

/**
 * @typedef {object} BrokerBenchResult
 * @property {{ carkit: TargetResult, reference: TargetResult, direct: TargetResult }} targets
 * @property {ChildUsage} emulatorUsage
 * @property {{ connections: number, durationSec: number, warmupSec: number, singleDurationSec: number }} settings
 * @property {number} throughputRatio carkit / reference requests per second
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
 * @property {number} [durationSec] measured run per target (default 10)
 * @property {number} [warmupSec] unmeasured run before it (default 3)
 * @property {number} [singleDurationSec] one-connection latency run (default 5)
 * @property {'auto' | 'always' | 'never'} [profile] profile carkit's broker: when a goal is missed (default), always, or never
 * @property {string} [profileOutput] where to keep the `.cpuprofile` (default: a temp dir, deleted)
 * @property {(line: string) => void} [log] progress lines
 */

/**
 * Broker end-to-end benchmark. One emulator process (capacity and rate limit raised so no
 * call is refused) serves three targets in turn, each loaded by autocannon from this process
 * with a fresh UserId per request: (a) carkit's broker, (b) the reference broker (Express 5 +
 * official CommonClient), both in their own processes, and (c) the emulator called directly
 * with requests signed here. Each target gets a warm-up, a fixed-duration run at
 * `connections` connections and a run at one connection. When carkit's broker misses a goal
 * (or `profile: 'always'`) it runs once more under `--cpu-prof` and the profile is summarised.
 *
 * @param {MeasureBrokersOptions} options
 * @returns {Promise<BrokerBenchResult>}
 * @example
 * import { signTc3 } from '@carkit/broker'
 * const result = await measureBrokers({ signTc3 })
 * console.log(result.throughputRatio, result.overheadP50Ms)
 */
export async function measureBrokers(options) {
  const settings = {
    connections: options.connections ?? 32,
    durationSec: options.durationSec ?? 10,
    warmupSec: options.warmupSec ?? 3,
    singleDurationSec: options.singleDurationSec ?? 5,
  }
  const log = options.log ?? (() => undefined)
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
  try {
    const upstreamUrl = /** @type {string} */ (emulator.ready.url)
    const credentials = /** @type {{ secretId: string, secretKey: string }} */ (emulator.ready.credentials)
    const brokerOptions = {
      CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({
        upstreamUrl,
        ...credentials,
        projectIds: [PROJECT_ID],
        rateLimit: '1000000/sec',
        upstreamRps: 1_000_000,
      }),
    }

    log('direct: the emulator called with requests signed by the load generator')
    const direct = await measureTarget('emulator called directly', {
      url: upstreamUrl,
      settings,
      nextRequest: () =>
        signedEmulatorApplyConcurrentRequests({ url: upstreamUrl, ...credentials, projectId: PROJECT_ID, signTc3: options.signTc3 }),
      isSuccess: isCarApiSuccess,
      log,
    })

    log('carkit: @carkit/broker → emulator')
    const carkitChild = await startChild(child('carkit-broker-child.mjs'), { env: brokerOptions })
    const carkit = await measureBrokerChild('carkit broker', carkitChild, settings, log)

    log('reference: Express 5 + official CommonClient → emulator')
    const referenceChild = await startChild(child('reference-broker-child.mjs'), { env: brokerOptions })
    const reference = await measureBrokerChild('reference broker (Express 5 + official SDK)', referenceChild, settings, log)

    const throughputRatio = carkit.load.requestsPerSec / reference.load.requestsPerSec
    const overheadP50Ms = carkit.single.p50Ms - direct.single.p50Ms
    const overheadP50UnderLoadMs = carkit.load.p50Ms - direct.load.p50Ms
    const goalMissed = !(throughputRatio >= 1.5) || !(overheadP50Ms <= 1)
    const mode = options.profile ?? 'auto'

    /** @type {BrokerBenchResult['profile']} */
    let profile
    if (mode === 'always' || (mode === 'auto' && goalMissed)) {
      log('profile: carkit broker under --cpu-prof')
      profile = await profileCarkitBroker(brokerOptions, settings, options.profileOutput)
    }
    return {
      targets: { carkit, reference, direct },
      emulatorUsage: await emulator.usage(),
      settings,
      throughputRatio,
      overheadP50Ms,
      overheadP50UnderLoadMs,
      profile,
    }
  } finally {
    await emulator.stop()
  }
}

/**
 * @param {string} label
 * @param {import('../processes/start-child.mjs').StartedChild} broker
 * @param {BrokerBenchResult['settings']} settings
 * @param {(line: string) => void} log
 * @returns {Promise<TargetResult>}
 */
async function measureBrokerChild(label, broker, settings, log) {
  try {
    const result = await measureTarget(label, {
      url: /** @type {string} */ (broker.ready.url),
      settings,
      nextRequest: () => brokerApplyConcurrentRequests(),
      isSuccess: isBrokerGrant,
      log,
    })
    return { ...result, usage: await broker.usage() }
  } finally {
    await broker.stop()
  }
}

/**
 * @param {string} label
 * @param {{ url: string, settings: BrokerBenchResult['settings'], nextRequest: () => () => import('../load/run-load.mjs').LoadRequest, isSuccess: (status: number, body: string) => boolean, log: (line: string) => void }} options
 * @returns {Promise<TargetResult>}
 */
async function measureTarget(label, options) {
  await assertOneRequestSucceeds(label, options.url, options.nextRequest(), options.isSuccess)
  const { connections, durationSec, warmupSec, singleDurationSec } = options.settings
  const base = { url: options.url, isSuccess: options.isSuccess }
  await runLoad({ ...base, nextRequest: options.nextRequest(), connections, durationSec: warmupSec })
  const load = await runLoad({ ...base, nextRequest: options.nextRequest(), connections, durationSec })
  options.log(`  ${connections} connections: ${Math.round(load.requestsPerSec)} req/s, p50 ${load.p50Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms, failed ${load.failed + load.connectionErrors}`)
  const single = await runLoad({ ...base, nextRequest: options.nextRequest(), connections: 1, durationSec: singleDurationSec })
  options.log(`  1 connection: ${Math.round(single.requestsPerSec)} req/s, p50 ${single.p50Ms.toFixed(3)} ms, p99 ${single.p99Ms.toFixed(3)} ms`)
  return { label, load, single, usage: undefined }
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
