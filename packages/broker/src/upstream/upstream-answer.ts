import { BrokerError } from '../errors/broker-error.js'

/** A readable API 3.0 answer: success fields, or an error code, each with the upstream RequestId. */
export type UpstreamAnswer =
  | { ok: true; requestId: string; fields: Record<string, unknown>; date: string | undefined }
  | { ok: false; code: string; message: string; requestId: string | undefined; date: string | undefined }

/**
 * 502 `Broker.UpstreamUnavailable`: the upstream could not be reached or answered something
 * that is not an API 3.0 answer. `detail` goes to the log only (as the cause).
 *
 * @example
 * ```ts
 * throw upstreamUnavailable('HTTP 500 from upstream')
 * ```
 */
export function upstreamUnavailable(detail: string, cause?: unknown): BrokerError {
  return new BrokerError({
    code: 'Broker.UpstreamUnavailable',
    status: 502,
    retryable: true,
    retryAfterSec: 2,
    message: 'The broker could not get a usable answer from Tencent Cloud. Try again after Retry-After seconds.',
    cause: cause === undefined ? new Error(detail) : new Error(detail, { cause }),
  })
}

/**
 * 504 `Broker.UpstreamTimeout`: no complete answer within the upstream timeout.
 *
 * @example
 * ```ts
 * throw upstreamTimeout(20_000)
 * ```
 */
export function upstreamTimeout(timeoutMs: number): BrokerError {
  return new BrokerError({
    code: 'Broker.UpstreamTimeout',
    status: 504,
    retryable: true,
    retryAfterSec: 2,
    message: `Tencent Cloud did not answer within ${Math.round(timeoutMs / 100) / 10} s. Try again after Retry-After seconds.`,
  })
}

/**
 * Reads an API 3.0 JSON body (`{"Response":{…,"RequestId"}}` or with `Error: { Code, Message }`).
 * Anything else, including truncated JSON, → `Broker.UpstreamUnavailable`.
 *
 * @example
 * ```ts
 * parseUpstreamAnswer('{"Response":{"RequestId":"r1"}}', undefined) // { ok: true, requestId: 'r1', … }
 * ```
 */
export function parseUpstreamAnswer(text: string, date: string | undefined): UpstreamAnswer {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw upstreamUnavailable(`upstream answered non-JSON: ${JSON.stringify(text.slice(0, 120))}`, cause)
  }
  const response = (parsed as { Response?: unknown } | null)?.Response
  if (typeof response !== 'object' || response === null) throw upstreamUnavailable('upstream JSON has no Response object')
  const fields = response as Record<string, unknown>
  const requestId = typeof fields.RequestId === 'string' ? fields.RequestId : undefined
  const error = fields.Error as { Code?: unknown; Message?: unknown } | undefined
  if (error !== undefined) {
    if (typeof error?.Code !== 'string') throw upstreamUnavailable('upstream Error has no Code')
    const message = typeof error.Message === 'string' ? error.Message : ''
    return { ok: false, code: error.Code, message, requestId, date }
  }
  if (requestId === undefined) throw upstreamUnavailable('upstream Response has no RequestId')
  return { ok: true, requestId, fields, date }
}
