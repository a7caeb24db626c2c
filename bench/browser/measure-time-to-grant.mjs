// @ts-check
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '../processes/start-child.mjs'
import { summarizeSamples } from '../stats/summarize-samples.mjs'
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs'
import { ensureChromium } from './ensure-chromium.mjs'
import { serveSdkPage } from './serve-sdk-page.mjs'
import { timeToGrantInPage } from './time-to-grant-in-page.mjs'

const require = createRequire(import.meta.url)
const child = (/** @type {string} */ name) => fileURLToPath(new URL(`../processes/${name}`, import.meta.url))

/**
 * @typedef {object} TimeToGrantResult
 * @property {import('../stats/summarize-samples.mjs').SampleSummary} sdk createCarClient → `granted`
 * @property {import('../stats/summarize-samples.mjs').SampleSummary} fetch bare fetch round trip
 * @property {import('../stats/summarize-samples.mjs').SampleSummary} coldSdk first grant of a fresh browser context with the SDK (TCP connect + CORS preflight included)
 * @property {import('../stats/summarize-samples.mjs').SampleSummary} coldFetch the same with a bare fetch
 * @property {number} runs
 * @property {string} browserVersion
 */

/**
 * Browser time-to-grant: headless Chromium loads the SDK's IIFE build from its own origin and,
 * for `runs` fresh clients, times `createCarClient` → `granted` against carkit's broker and
 * the emulator (each in its own process, capacity large enough that every client is granted),
 * next to the same round trip made with a bare `fetch`.
 *
 * Single cold calls are at the mercy of a noisy machine, so `coldRuns` fresh browser contexts
 * are timed for each way, alternating, and summarised.
 *
 * @param {{ runs?: number, warmup?: number, coldRuns?: number }} [options] `runs` default 20, `warmup` default 2, `coldRuns` default 5
 * @returns {Promise<TimeToGrantResult>}
 * @example
 * const { sdk, fetch } = await measureTimeToGrant()
 * console.log(sdk.median - fetch.median)
 */
export async function measureTimeToGrant(options = {}) {
  const runs = options.runs ?? 20
  const warmup = options.warmup ?? 2
  const coldRuns = options.coldRuns ?? 5
  const executablePath = ensureChromium()
  const webSdkDir = dirname(require.resolve('@carkit/web-sdk/package.json'))
  /** @type {Array<() => Promise<void>>} */
  const cleanups = []
  try {
    const page = await serveSdkPage({ iifePath: join(webSdkDir, 'dist/carkit.iife.js') })
    cleanups.push(page.close)
    const emulator = await startChild(child('emulator-child.mjs'), {
      env: { CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({ projects: ['cap-bench'], capacity: 1_000_000 }) },
    })
    cleanups.push(emulator.stop)
    const broker = await startChild(child('carkit-broker-child.mjs'), {
      env: {
        CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({
          upstreamUrl: emulator.ready.url,
          .../** @type {object} */ (emulator.ready.credentials),
          projectIds: ['cap-bench'],
          allowedOrigins: new URL(page.url).origin,
          rateLimit: '1000/sec',
          upstreamRps: 1000,
        }),
      },
    })
    cleanups.push(broker.stop)

    /** @type {typeof import('@playwright/test')} */
    const playwright = require('@playwright/test')
    const browser = await playwright.chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] })
    cleanups.push(() => browser.close())
    const brokerUrl = String(broker.ready.url)
    // Each browser context has its own connections and preflight cache, so each first call is cold.
    /** @param {{ runs: number, warmup: number, first: 'sdk' | 'fetch' }} plan */
    const inFreshContext = async (plan) => {
      const context = await browser.newContext()
      try {
        const tab = await context.newPage()
        await tab.goto(page.url)
        return await tab.evaluate(timeToGrantInPage, { brokerUrl, ...plan })
      } finally {
        await context.close()
      }
    }
    const timings = await inFreshContext({ runs, warmup, first: 'sdk' })
    const coldSdkMs = [timings.coldMs]
    /** @type {number[]} */
    const coldFetchMs = []
    for (let i = 0; coldSdkMs.length < coldRuns || coldFetchMs.length < coldRuns; i++) {
      const first = i % 2 === 0 ? 'fetch' : 'sdk'
      const { coldMs } = await inFreshContext({ runs: 0, warmup: 0, first })
      ;(first === 'sdk' ? coldSdkMs : coldFetchMs).push(coldMs)
    }
    return {
      sdk: summarizeSamples(timings.sdkMs),
      fetch: summarizeSamples(timings.fetchMs),
      coldSdk: summarizeSamples(coldSdkMs),
      coldFetch: summarizeSamples(coldFetchMs),
      runs,
      browserVersion: browser.version(),
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
}
