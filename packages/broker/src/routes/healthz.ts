import type { Request, Response } from 'express'
import type { UpstreamKind } from '../config/broker-config.js'

/**
 * `GET /healthz` → `200 { status: 'ok', upstream }`. Not rate limited.
 *
 * @example
 * ```ts
 * router.get('/healthz', healthz('tencent'))
 * ```
 */
export function healthz(upstream: UpstreamKind) {
  const body = JSON.stringify({ status: 'ok', upstream })
  return function answerHealth(_req: Request, res: Response): void {
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(body)
  }
}
