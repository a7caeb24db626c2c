import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrokerLog } from '../logging/broker-log.js'

/** Per-request facts for the request log line and the handlers. */
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

const contexts = new WeakMap<ServerResponse, RequestContext>()

/**
 * The response's {@link RequestContext}, when {@link startRequestContext} created one.
 *
 * @example
 * ```ts
 * const context = contextOf(res)
 * if (context !== undefined) context.code = err.code
 * ```
 */
export function contextOf(res: ServerResponse): RequestContext | undefined {
  return contexts.get(res)
}

/**
 * Gives a request its {@link RequestContext}: an id (`X-Request-Id` response header), its client
 * address, and one `request` log line when the response is finished (method, path, status,
 * code, duration, upstream RequestId).
 *
 * @example
 * ```ts
 * const context = startRequestContext(req, res, log, clientIp(req))
 * ```
 */
export function startRequestContext(req: IncomingMessage, res: ServerResponse, log: BrokerLog, clientIp: string | undefined): RequestContext {
  const context: RequestContext = { requestId: randomUUID(), startedAt: performance.now(), clientIp }
  contexts.set(res, context)
  res.setHeader('X-Request-Id', context.requestId)
  res.on('finish', () => {
    log(res.statusCode >= 500 ? 'warn' : 'info', 'request', {
      requestId: context.requestId,
      method: req.method,
      path: ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').slice(0, 200),
      status: res.statusCode,
      code: context.code,
      upstreamRequestId: context.upstreamRequestId,
      durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
    })
  })
  return context
}
