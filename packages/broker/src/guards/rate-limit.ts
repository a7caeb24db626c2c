import { BrokerError } from '../errors/broker-error.js'
import type { ClientRateLimiter } from './client-rate-limiter.js'

/**
 * Spends one request of a client's budget, or throws 429 `Broker.RateLimited` with the
 * `Retry-After` seconds until the next one. The client key is its address (the `UserIp`, so
 * `X-Forwarded-For` counts only behind a trusted proxy).
 *
 * @example
 * ```ts
 * takeRateBudget(limiter, context.clientIp ?? 'unknown')
 * ```
 */
export function takeRateBudget(limiter: ClientRateLimiter, client: string): void {
  const decision = limiter.take(client)
  if (decision.allowed) return
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
  throw new BrokerError({
    code: 'Broker.RateLimited',
    status: 429,
    retryable: true,
    retryAfterSec: seconds,
    message: `Too many requests from this address. Try again in ${seconds} s (Retry-After).`,
  })
}
