import { randomUUID } from 'node:crypto'
import type { Request, Response } from 'express'
import type { BrokerLog } from '../logging/broker-log.js'
import { clientIp } from './client-ip.js'

/** Per-request facts kept in `res.locals.carkit` for the request log line. */
export interface RequestContext {
  requestId: string
  startedAt: number
  /** The client address used as UserIp and rate-limit key (computed once). */
  clientIp: string | undefined
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
 * Gives a request its {@link RequestContext}: an id (`X-Request-Id` response header), its client
 * address, and one `request` log line when the response is finished (method, path, status,
 * code, duration). Calling it again for the same response does nothing.
 *
 * @example
 * ```ts
 * const context = startRequestContext(req, res, log)
 * ```
 */
export function startRequestContext(req: Request, res: Response, log: BrokerLog): RequestContext {
  const existing = res.locals.carkit as RequestContext | undefined
  if (existing !== undefined) return existing
  const context: RequestContext = { requestId: randomUUID(), startedAt: performance.now(), clientIp: clientIp(req) }
  res.locals.carkit = context
  res.setHeader('X-Request-Id', context.requestId)
  res.on('finish', () => {
    log(res.statusCode >= 500 ? 'warn' : 'info', 'request', {
      requestId: context.requestId,
      method: req.method,
      path: req.originalUrl.slice(0, 200),
      status: res.statusCode,
      code: context.code,
      upstreamRequestId: context.upstreamRequestId,
      durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
    })
  })
  return context
}
