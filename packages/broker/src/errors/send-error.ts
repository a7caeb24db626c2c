import type { ServerResponse } from 'node:http'
import type { BrokerError } from './broker-error.js'
import { toErrorBody } from './error-body.js'

/**
 * Writes a {@link BrokerError} as the contract's JSON answer: status, `Retry-After` (whole
 * seconds) on retryable errors, extra headers such as `Allow`, and the JSON body.
 *
 * @example
 * ```ts
 * sendError(res, new BrokerError({ code: 'Broker.NotFound', status: 404, message: 'No such route.' }))
 * ```
 */
export function sendError(res: ServerResponse, err: BrokerError): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = JSON.stringify(toErrorBody(err))
  res.statusCode = err.status
  if (err.retryable) res.setHeader('Retry-After', String(err.retryAfterSec))
  if (err.headers !== undefined) {
    for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value)
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(body)
}
