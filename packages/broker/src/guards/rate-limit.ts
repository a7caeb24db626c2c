import type { NextFunction, Request, Response } from 'express'
import { BrokerError } from '../errors/broker-error.js'
import type { ClientRateLimiter } from './client-rate-limiter.js'
import { contextOf } from '../routes/request-context.js'

/**
 * Express middleware applying a {@link ClientRateLimiter} per client address (`req.ip`, so
 * `X-Forwarded-For` counts only behind a trusted proxy; read from the request context). Over budget → 429 `Broker.RateLimited`
 * with `Retry-After`.
 *
 * @example
 * ```ts
 * router.post('/v1/apply-concurrent', rateLimitGuard(new ClientRateLimiter({ limit: 30, windowMs: 60_000 })), handler)
 * ```
 */
export function rateLimitGuard(limiter: ClientRateLimiter) {
  return function limitRate(_req: Request, res: Response, next: NextFunction): void {
    const decision = limiter.take(contextOf(res).clientIp ?? 'unknown')
    if (decision.allowed) return next()
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
    throw new BrokerError({
      code: 'Broker.RateLimited',
      status: 429,
      retryable: true,
      retryAfterSec: seconds,
      message: `Too many requests from this address. Try again in ${seconds} s (Retry-After).`,
    })
  }
}
