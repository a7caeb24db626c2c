// @ts-check
import { createRequire } from 'node:module'
import { summarizeSamples } from '../stats/summarize-samples.mjs'

const require = createRequire(import.meta.url)
/** @type {(options: object) => import('node:events').EventEmitter & PromiseLike<AutocannonResult>} */
const autocannon = require('autocannon')

/**
 * @typedef {object} AutocannonResult the part of autocannon's result the benchmark reads
 * @property {number} errors connection errors
 * @property {number} timeouts
 * @property {number} non2xx
 * @property {number} duration seconds
 * @property {{ average: number, total: number }} requests
 */

/**
 * @typedef {object} LoadRequest one HTTP request to send
 * @property {string} path
 * @property {Record<string, string>} headers
 * @property {string} body
 */

/**
 * @typedef {object} RunLoadOptions
 * @property {string} url base URL, e.g. 'http://127.0.0.1:41234'
 * @property {() => LoadRequest} nextRequest called for every request, so each can carry a fresh UserId or signature
 * @property {(status: number, body: string) => boolean} isSuccess whether an answer counts as a success
 * @property {number} connections concurrent keep-alive connections
 * @property {number} durationSec
 * @property {number} [timeoutSec] per-request timeout (default 10)
 */

/**
 * @typedef {object} LoadResult
 * @property {number} requestsPerSec successful answers per second
 * @property {number} completed answers received
 * @property {number} succeeded answers `isSuccess` accepted
 * @property {number} failed answers `isSuccess` rejected (non-2xx, or an error inside an HTTP 200)
 * @property {number} connectionErrors socket errors and timeouts
 * @property {Record<string, number>} failures count per status code / error text of rejected answers (first 20 kinds)
 * @property {number} p50Ms latency of all answers, from the high-resolution clock
 * @property {number} p90Ms
 * @property {number} p99Ms
 * @property {number} meanMs
 * @property {number} durationSec
 * @property {number} connections
 * @property {number[]} latenciesMs every answer's latency, for merging runs
 */

/**
 * Puts a fixed number of keep-alive connections on a server for a fixed time with autocannon's
 * programmatic API, each request built fresh by `nextRequest`, every answer checked by
 * `isSuccess`. Latency percentiles come from autocannon's per-response high-resolution
 * timings (its own histogram rounds to whole milliseconds, too coarse for a 1 ms budget).
 *
 * @param {RunLoadOptions} options
 * @returns {Promise<LoadResult>}
 * @example
 * const result = await runLoad({ url: broker.url, connections: 32, durationSec: 10,
 *   nextRequest: () => ({ path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: '{"userId":"u1"}' }),
 *   isSuccess: (status) => status === 200 })
 */
export async function runLoad(options) {
  /** @type {number[]} */
  const latencies = []
  let succeeded = 0
  let failed = 0
  /** @type {Record<string, number>} */
  const failures = {}

  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: options.timeoutSec ?? 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (/** @type {Record<string, unknown>} */ request) => ({ ...request, ...options.nextRequest() }),
        onResponse: (/** @type {number} */ status, /** @type {string} */ body) => {
          if (options.isSuccess(status, body)) {
            succeeded++
            return
          }
          failed++
          const kind = describeFailure(status, body)
          if (kind in failures || Object.keys(failures).length < 20) failures[kind] = (failures[kind] ?? 0) + 1
        },
      },
    ],
  })
  instance.on('response', (/** @type {unknown} */ _client, /** @type {number} */ _status, /** @type {number} */ _bytes, /** @type {number} */ responseTimeMs) => {
    latencies.push(responseTimeMs)
  })
  const result = await instance
  const latency = summarizeSamples(latencies)
  const durationSec = result.duration || options.durationSec
  return {
    requestsPerSec: succeeded / durationSec,
    completed: latencies.length,
    succeeded,
    failed,
    connectionErrors: result.errors + result.timeouts,
    failures,
    p50Ms: latency.median,
    p90Ms: latency.p90,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    durationSec,
    connections: options.connections,
    latenciesMs: latencies,
  }
}

/**
 * A short label for a rejected answer: the status, plus the error code when the body is
 * carkit's or Tencent's error JSON.
 *
 * @param {number} status
 * @param {string} body
 */
function describeFailure(status, body) {
  const code = /"Code"\s*:\s*"([^"]+)"|"code"\s*:\s*"([^"]+)"/.exec(body ?? '')
  const name = code?.[1] ?? code?.[2]
  return name ? `${status} ${name}` : `${status}`
}
