import type { NextFunction, Request, Response } from 'express'
import type { AllowedOrigins } from '../config/broker-config.js'
import type { BrokerLog } from '../logging/broker-log.js'
import { startRequestContext } from '../routes/request-context.js'
import { checkOrigin } from './cors.js'
import { applySecurityHeaders } from './security-headers.js'

/**
 * What every broker route does first, as one middleware (one router layer instead of three on
 * the hot path): security headers, the request context (id, client address, log line), then
 * the Origin check and CORS headers.
 *
 * @example
 * ```ts
 * router.use(['/healthz', '/v1/apply-concurrent'], enterRoute(config.allowedOrigins, log))
 * ```
 */
export function enterRoute(allowed: AllowedOrigins, log: BrokerLog) {
  return function enter(req: Request, res: Response, next: NextFunction): void {
    applySecurityHeaders(res)
    startRequestContext(req, res, log)
    checkOrigin(allowed, req, res)
    next()
  }
}
