import ky, { type Options } from 'ky'
import { CarError } from '../errors/car-error.js'
import { retryAfterMs, toCarError } from '../errors/to-car-error.js'
import type { CarClientEvents, CarClientState, Grant } from '../events/car-client-events.js'
import type { Emitter } from '../events/emitter.js'
import { backoffDelay } from '../retry/backoff.js'
import { sleep } from '../retry/sleep.js'
import type { HeadersOption } from './options.js'

/** Everything one quota request needs; prepared by the client. */
export interface GrantRequest {
  url: string
  body: { userId: string; projectId?: string | undefined; applicationId?: string | undefined; applicationVersionId?: string | undefined }
  headers: HeadersOption | undefined
  /** ky options shared by every attempt: `credentials`, `fetch`, per-attempt `timeout`, `retry: 0`. */
  http: Options & { timeout: number }
  retry: { limit: number; delayMs: number; maxDelayMs: number }
  waitForIdle: boolean
  maxWaitMs: number
  signal: AbortSignal
  emit: Emitter<CarClientEvents>['emit']
  setState: (state: CarClientState) => void
}

const NO_IDLE = 'ResourceNotFound.NoIdle'
const WAITABLE = [NO_IDLE, 'ResourceUnavailable.Initialization']
// Polling for idle quota starts slower than retries: the broker rate-limits each client (30/min by default).
const WAIT_BASE_MS = 2_000
const WAIT_MAX_MS = 10_000

const isGrant = (v: unknown): v is Grant =>
  ['requestId', 'userId', 'projectId'].every((k) => typeof (v as Record<string, unknown> | null)?.[k] === 'string')

const readHeaders = async (headers: HeadersOption | undefined) => {
  try {
    return typeof headers === 'function' ? await headers() : headers
  } catch (cause) {
    throw new CarError('Client.InvalidOptions', 'The `headers` function failed.', { cause })
  }
}

/**
 * Asks the broker for quota until granted or failed for good: retries transient failures with
 * backoff (up to `retry.limit`), waits out missing idle quota (up to `maxWaitMs`, not counted as
 * retries), and stops at once on a non-retryable error or when `signal` aborts.
 *
 * @example
 * ```ts
 * const grant = await requestGrant({ url, body: { userId }, …, signal: controller.signal })
 * ```
 */
export async function requestGrant(r: GrantRequest): Promise<Grant> {
  const started = Date.now()
  let retries = 0
  let waits = 0
  let delay = 0
  for (let attempt = 1; ; attempt++) {
    let error: CarError
    try {
      // Also before the first attempt (delay 0): it throws when the call was aborted before it began,
      // and yields a macrotask, so the client's first `userid` event (a microtask) precedes `statechange`.
      await sleep(delay, r.signal)
      r.setState('requesting')
      r.emit('request', { attempt, userId: r.body.userId, projectId: r.body.projectId })
      const answer = await ky
        .post(r.url, { ...r.http, json: r.body, headers: await readHeaders(r.headers), signal: r.signal })
        .json()
      // toCarError turns a thrown non-error into `Client.InvalidResponse`, with the body as `cause`.
      if (!isGrant(answer)) throw answer
      return answer
    } catch (err) {
      error = toCarError(err, r.signal, r.http.timeout)
    }
    const waitedMs = Date.now() - started
    const floor = retryAfterMs(error)
    if (r.waitForIdle && WAITABLE.includes(error.code)) {
      if (waitedMs >= r.maxWaitMs) throw error
      delay = Math.min(backoffDelay(++waits, WAIT_BASE_MS, WAIT_MAX_MS, floor), r.maxWaitMs - waitedMs)
      r.setState('waiting')
      r.emit('waiting', { attempt, delayMs: delay, waitedMs, error })
    } else if (error.retryable && error.code !== NO_IDLE && retries < r.retry.limit) {
      delay = backoffDelay(++retries, r.retry.delayMs, r.retry.maxDelayMs, floor)
      r.emit('retry', { attempt, delayMs: delay, error })
    } else {
      throw error
    }
  }
}
