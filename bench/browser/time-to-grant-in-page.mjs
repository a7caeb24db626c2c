// @ts-check

/**
 * @typedef {object} InPageTimings
 * @property {number[]} sdkMs createCarClient → `granted`, one per fresh client (warm-up excluded)
 * @property {number[]} fetchMs bare `fetch` POST → parsed JSON grant, one per fresh UserId (warm-up excluded)
 * @property {number} coldMs the page's very first grant (new connection and CORS preflight), made the `first` way
 */

/**
 * Runs inside the browser page (passed to Playwright's `page.evaluate`, so it must not use
 * anything from its module scope). Each round makes a fresh client (memory storage, so a new
 * UserId) and times `createCarClient` → `granted`, then the same grant with a bare `fetch`;
 * the two alternate which goes first, so neither always gets the warmer connection. Before the
 * rounds, the page's first grant is timed on its own (`first`: with the SDK or a bare fetch).
 *
 * @param {{ brokerUrl: string, runs: number, warmup: number, first: 'sdk' | 'fetch' }} input
 * @returns {Promise<InPageTimings>}
 * @example
 * const timings = await page.evaluate(timeToGrantInPage, { brokerUrl, runs: 20, warmup: 2, first: 'sdk' })
 */
export async function timeToGrantInPage(input) {
  const CarKit = /** @type {any} */ (globalThis).CarKit
  if (!CarKit || typeof CarKit.createCarClient !== 'function') {
    throw new Error('window.CarKit.createCarClient is missing: the IIFE build did not load.')
  }
  const timeSdk = async () => {
    const start = performance.now()
    const car = CarKit.createCarClient({ brokerUrl: input.brokerUrl, storage: 'memory' })
    try {
      await new Promise((resolve, reject) => {
        car.once('granted', resolve)
        car.once('error', reject)
        car.applyConcurrent().catch(reject)
      })
      return performance.now() - start
    } finally {
      car.destroy()
    }
  }
  let counter = 0
  const prefix = Math.random().toString(36).slice(2, 10)
  const timeFetch = async () => {
    const start = performance.now()
    const response = await fetch(`${input.brokerUrl.replace(/\/$/, '')}/v1/apply-concurrent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: `fetch-${prefix}-${counter++}` }),
    })
    const body = await response.json()
    if (!response.ok || typeof body.requestId !== 'string') {
      throw new Error(`The broker refused a bare fetch: HTTP ${response.status} ${JSON.stringify(body)}`)
    }
    return performance.now() - start
  }

  const coldMs = input.first === 'sdk' ? await timeSdk() : await timeFetch()
  /** @type {number[]} */
  const sdkMs = []
  /** @type {number[]} */
  const fetchMs = []
  for (let round = 0; round < input.warmup + input.runs; round++) {
    let sdk
    let bare
    if (round % 2 === 0) {
      sdk = await timeSdk()
      bare = await timeFetch()
    } else {
      bare = await timeFetch()
      sdk = await timeSdk()
    }
    if (round >= input.warmup) {
      sdkMs.push(sdk)
      fetchMs.push(bare)
    }
  }
  return { sdkMs, fetchMs, coldMs }
}
