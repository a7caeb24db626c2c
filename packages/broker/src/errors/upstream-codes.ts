import { BrokerError } from './broker-error.js'

interface UpstreamCodeRule {
  status: number
  retryable: boolean
  retryAfterSec?: number
  message: string
}

// Known ApplyConcurrent and common API 3.0 codes (reference/car-api.md), with what a page author can do.
const rules: Readonly<Record<string, UpstreamCodeRule>> = {
  'ResourceNotFound.NoIdle': {
    status: 503,
    retryable: true,
    retryAfterSec: 5,
    message:
      'No idle CAR concurrency is free for this project right now. Keep the same userId and try again after Retry-After seconds.',
  },
  'ResourceUnavailable.Initialization': {
    status: 503,
    retryable: true,
    retryAfterSec: 5,
    message: 'The CAR project is still being initialised. Try again after Retry-After seconds.',
  },
  'UnsupportedOperation.Stopping': {
    status: 409,
    retryable: true,
    retryAfterSec: 2,
    message: "This user's previous session is still stopping. Try again after Retry-After seconds.",
  },
  'FailedOperation.SlowDown': {
    status: 429,
    retryable: true,
    retryAfterSec: 1,
    message: 'Another request for this userId is still in progress at Tencent Cloud. Try again after Retry-After seconds.',
  },
  'FailedOperation.ProcessTimeout': {
    status: 504,
    retryable: true,
    retryAfterSec: 2,
    message: 'Tencent Cloud timed out while processing the request. Try again after Retry-After seconds.',
  },
  InternalError: {
    status: 502,
    retryable: true,
    retryAfterSec: 2,
    message: 'Tencent Cloud reported an internal error. Try again after Retry-After seconds.',
  },
}

const requestLimitRule: UpstreamCodeRule = {
  status: 429,
  retryable: true,
  retryAfterSec: 1,
  message: 'Tencent Cloud is receiving too many requests from this broker. Try again after Retry-After seconds.',
}

/**
 * Maps an error code answered by Tencent Cloud to the broker's answer (contract status table):
 * the code and upstream RequestId pass through verbatim; `AuthFailure.*` gets a generic message
 * because its details concern the operator's credentials, not the page.
 *
 * @example
 * ```ts
 * const err = upstreamError('ResourceNotFound.NoIdle', 'no idle', 'b1c2…') // 503, retryable
 * ```
 */
export function upstreamError(code: string, upstreamMessage: string, requestId: string | undefined): BrokerError {
  const base = { code, requestId, cause: { upstreamMessage } }
  // Own keys only: a code such as "constructor" or "__proto__" would otherwise find Object.prototype's member.
  const known = (Object.hasOwn(rules, code) ? rules[code] : undefined) ?? (code.startsWith('RequestLimitExceeded') ? requestLimitRule : undefined)
  if (known !== undefined) return new BrokerError({ ...base, ...known })
  if (code.startsWith('AuthFailure')) {
    return new BrokerError({
      ...base,
      status: 502,
      message:
        'The broker could not authenticate with Tencent Cloud. This is a server configuration problem: the operator should check the broker log (credentials or clock).',
    })
  }
  return new BrokerError({
    ...base,
    status: 502,
    message: `Tencent Cloud refused the request (${code}): ${(upstreamMessage || 'no details given').replace(/\.+$/, '')}. Retrying will not help; check the projectId, applicationId and applicationVersionId.`,
  })
}
