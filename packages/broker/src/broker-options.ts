import type http from 'node:http'
import type { LogEntry } from './logging/log-entry.js'
import type { Authorize } from './routes/apply-concurrent.js'

/** Options of {@link createBroker}, {@link createApp} and `startBroker`. */
export interface BrokerOptions {
  /**
   * The app's check, called after the body is validated and before anything is signed:
   * `false` → 401 `Broker.Unauthorized`, `true` → allowed, `{ userId }` → allowed and the
   * UserId is bound to that value (e.g. the signed-in account). May be async.
   * @default every caller is allowed
   */
  authorize?: Authorize
  /**
   * Receives every log entry, already redacted.
   * @default one JSON line per entry on stdout (errors on stderr), from level `CARKIT_LOG_LEVEL`
   */
  logger?: (entry: LogEntry) => void
  /**
   * Upstream timeout for the whole exchange, in milliseconds (`Broker.UpstreamTimeout` after it).
   * @default 20_000
   */
  upstreamTimeoutMs?: number
  /**
   * Longest a request waits in the upstream throttle's queue before a retryable 429
   * `Broker.RateLimited`.
   * @default 10_000
   */
  upstreamQueueTimeoutMs?: number
  /**
   * Most requests queued by the upstream throttle; more get a retryable 429 at once.
   * @default 10 × CARKIT_UPSTREAM_RPS
   */
  upstreamQueueLimit?: number
  /**
   * Connection pool for upstream calls (`http.Agent` for an http endpoint, `https.Agent` for https).
   * @default a keep-alive agent owned by the broker
   */
  agent?: http.Agent
}

function checkPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new TypeError(`\`${name}\` must be a positive number of milliseconds or requests, got ${String(value)}`)
  }
}

/**
 * Validates {@link BrokerOptions} at construction, naming the bad option in backticks.
 *
 * @example
 * ```ts
 * validateBrokerOptions({ upstreamTimeoutMs: 0 }) // throws TypeError: `upstreamTimeoutMs` must be …
 * ```
 */
export function validateBrokerOptions(options: BrokerOptions): void {
  if (options.authorize !== undefined && typeof options.authorize !== 'function') throw new TypeError('`authorize` must be a function')
  if (options.logger !== undefined && typeof options.logger !== 'function') throw new TypeError('`logger` must be a function')
  checkPositive('upstreamTimeoutMs', options.upstreamTimeoutMs)
  checkPositive('upstreamQueueTimeoutMs', options.upstreamQueueTimeoutMs)
  checkPositive('upstreamQueueLimit', options.upstreamQueueLimit)
}
