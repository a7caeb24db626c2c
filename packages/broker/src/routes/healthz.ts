import type { ServerResponse } from 'node:http'
import type { UpstreamKind } from '../config/broker-config.js'

/**
 * `GET /healthz` → `200 { status: 'ok', upstream }`. Not rate limited.
 *
 * @example
 * ```ts
 * const answerHealth = healthz('tencent')
 * answerHealth(res)
 * ```
 */
export function healthz(upstream: UpstreamKind): (res: ServerResponse) => void {
  const body = JSON.stringify({ status: 'ok', upstream })
  return (res) => {
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(body)
  }
}
