const brand = Symbol.for('carkit.broker-error')

/** What a {@link BrokerError} is built from. */
export interface BrokerErrorInit {
  /** Contract error code, e.g. `Broker.RateLimited` or an upstream code such as `ResourceNotFound.NoIdle`. */
  code: string
  /** HTTP status the broker answers with. */
  status: number
  /** Words for a page author: what happened and what to do. */
  message: string
  /** Whether trying again later can succeed. Retryable errors carry `Retry-After`. @default false */
  retryable?: boolean
  /** Seconds for the `Retry-After` header of a retryable error. @default 1 */
  retryAfterSec?: number
  /** The upstream Tencent Cloud `RequestId`, when the error came from upstream. */
  requestId?: string
  /** Extra response headers, e.g. `Allow` on a 405. */
  headers?: Readonly<Record<string, string>>
  /** The original error, kept for the server log (never sent to the client). */
  cause?: unknown
}

/**
 * The one error type the broker answers with. Every route turns it into the contract's JSON
 * `{ error: { code, message, requestId?, retryable } }` with its HTTP status.
 *
 * @example
 * ```ts
 * throw new BrokerError({ code: 'Broker.Unauthorized', status: 401, message: 'Sign in first.' })
 * ```
 */
export class BrokerError extends Error {
  override readonly name = 'BrokerError'
  readonly code: string
  readonly status: number
  readonly retryable: boolean
  readonly retryAfterSec: number
  readonly requestId: string | undefined
  readonly headers: Readonly<Record<string, string>> | undefined

  constructor(init: BrokerErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = init.code
    this.status = init.status
    this.retryable = init.retryable ?? false
    this.retryAfterSec = Math.max(1, Math.ceil(init.retryAfterSec ?? 1))
    this.requestId = init.requestId
    this.headers = init.headers
    Object.defineProperty(this, brand, { value: true })
  }
}

/**
 * Tells whether a value is a {@link BrokerError}, also across copies of this package
 * (checks a brand, not `instanceof`).
 *
 * @example
 * ```ts
 * if (isBrokerError(err) && err.retryable) scheduleRetry(err.retryAfterSec)
 * ```
 */
export function isBrokerError(value: unknown): value is BrokerError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}
