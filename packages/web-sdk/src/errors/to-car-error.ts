import { isHTTPError, isNetworkError, isTimeoutError } from 'ky'
import { CarError, isCarError } from './car-error.js'

// Statuses a proxy in front of the broker may answer with that are worth another try.
const transient = [408, 429, 502, 503, 504]
const notCarkit = 'The answer is not carkit JSON; check `brokerUrl`.'

/**
 * Converts anything thrown while calling the broker into a {@link CarError}, keeping the
 * original as `cause`. The only place where ky's and fetch's errors are interpreted.
 *
 * @example
 * ```ts
 * try { await ky.post(url) } catch (err) { throw toCarError(err, signal, 25_000) }
 * ```
 */
export function toCarError(err: unknown, signal: AbortSignal, timeoutMs: number): CarError {
  if (isCarError(err)) return err
  // The client only ever aborts with a `Client.Aborted` CarError as reason: every caller sees that one.
  if (signal.aborted) return signal.reason as CarError
  if (isTimeoutError(err)) {
    return new CarError(
      'Client.Timeout',
      `No answer within \`timeoutMs\` (${timeoutMs} ms); it may be raised.`,
      { retryable: true, cause: err },
    )
  }
  if (isHTTPError(err)) {
    const { status } = err.response
    // The broker's error body: { error: { code, message, requestId?, retryable } }.
    const { code, message, requestId, retryable } = (err.data as { error?: Partial<Record<string, unknown>> } | undefined)?.error ?? {}
    if (typeof code === 'string' && typeof message === 'string') {
      return new CarError(code, message, { status, requestId: requestId as string | undefined, retryable: retryable === true, cause: err })
    }
    return new CarError('Client.InvalidResponse', notCarkit, { status, retryable: transient.includes(status), cause: err })
  }
  if (isNetworkError(err) || err instanceof TypeError) {
    return new CarError(
      'Client.NetworkError',
      'Cannot reach the broker; check `brokerUrl`, CORS and the network.',
      { retryable: true, cause: err },
    )
  }
  // Anything else (a JSON syntax error, a body of the wrong shape) means this is not a carkit broker.
  return new CarError('Client.InvalidResponse', notCarkit, { cause: err })
}

/**
 * Reads the broker's `Retry-After` header (whole seconds, as the broker sends it) from the ky
 * error kept as `cause`, in milliseconds.
 *
 * @example
 * ```ts
 * const wait = retryAfterMs(err) ?? backoff
 * ```
 */
export function retryAfterMs(err: CarError): number | undefined {
  const seconds = Number(isHTTPError(err.cause) && err.cause.response.headers.get('retry-after'))
  // Number(null | false | '') is 0, an HTTP date is NaN: both mean no usable hint.
  return seconds > 0 ? seconds * 1000 : undefined
}
