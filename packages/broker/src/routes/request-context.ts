import { randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import type { BrokerLog } from '../logging/broker-log.js'

/** Per-request facts kept in `res.locals.carkit` for the request log line. */
export interface RequestContext {
  requestId: string
  startedAt: number
  /** Error code answered, when the request failed. */
  code?: string
  /** RequestId Tencent Cloud gave, when the call reached it. */
  upstreamRequestId?: string
}

/**
 * The request's {@link RequestContext} (created by {@link requestContext}).
 *
 * @example
 * ```ts
 * contextOf(res).upstreamRequestId = answer.requestId
 * ```
 */
export function contextOf(res: Response): RequestContext {
  return res.locals.carkit as RequestContext
}

/**
 * Express middleware giving each request an id (`X-Request-Id` response header) and writing one
 * `request` log line when the response is finished: method, path, status, code, duration.
 *
 * @example
 * ```ts
 * router.use(requestContext(log))
 * ```
 */
export function requestContext(log: BrokerLog) {
  return function startRequest(req: Request, res: Response, next: NextFunction): void {
    if (res.locals.carkit !== undefined) return next()
    const context: RequestContext = { requestId: randomUUID(), startedAt: performance.now() }
    res.locals.carkit = context
    res.setHeader('X-Request-Id', context.requestId)
    res.on('finish', () => {
      const level = res.statusCode >= 500 ? 'warn' : 'info'
      log(level, 'request', {
        requestId: context.requestId,
        method: req.method,
        path: req.originalUrl.slice(0, 200),
        status: res.statusCode,
        code: context.code,
        upstreamRequestId: context.upstreamRequestId,
        durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
      })
    })
    next()
  }
}
