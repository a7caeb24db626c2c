import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { BrokerError } from './errors/broker-error.js'
import { toErrorBody } from './errors/error-body.js'
import { sendError } from './errors/send-error.js'
import { applySecurityHeaders } from './guards/security-headers.js'

function errorFor(code: string | undefined): BrokerError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new BrokerError({ code: 'Broker.PayloadTooLarge', status: 431, message: 'The request headers are too large. Send fewer or smaller headers.' })
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new BrokerError({ code: 'Broker.RequestTimeout', status: 408, message: 'The request took too long to arrive. Send it again in one go.' })
  }
  return new BrokerError({ code: 'InvalidParameterValue', status: 400, message: 'The HTTP request is malformed. Send a well-formed HTTP/1.1 request.' })
}

function writeRawError(socket: Duplex, error: BrokerError): void {
  const body = JSON.stringify(toErrorBody(error))
  const extra = Object.entries(error.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      extra +
      'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n' +
      "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
      'Connection: close\r\n\r\n' +
      body,
  )
}

/**
 * `clientError` handler for the broker's HTTP server: a request Node cannot parse (bad
 * headers, oversized headers, a client too slow to send) gets the contract's JSON error and
 * the security headers instead of Node's bare answer, then the connection is closed.
 *
 * @example
 * ```ts
 * server.on('clientError', answerClientError)
 * ```
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true) {
    socket.destroy()
    return
  }
  writeRawError(socket, errorFor(err.code))
}

/**
 * `connect` handler for the broker's HTTP server: the broker is no proxy, so a `CONNECT`
 * request gets a JSON 405 `Broker.MethodNotAllowed` (Node would drop the connection without a
 * word), then the connection is closed.
 *
 * @example
 * ```ts
 * server.on('connect', answerConnect)
 * ```
 */
export function answerConnect(_req: IncomingMessage, socket: Duplex): void {
  writeRawError(
    socket,
    new BrokerError({
      code: 'Broker.MethodNotAllowed',
      status: 405,
      message: 'CONNECT is not allowed: the broker is not a proxy. Use POST /v1/apply-concurrent or GET /healthz.',
      headers: { Allow: 'GET, HEAD, OPTIONS, POST' },
    }),
  )
}

/**
 * Answers an HTTP/1.1 request that has no `Host` header with a JSON 400 (RFC 9112 requires a
 * 400; Node's own answer has no body) and returns true; returns false for every other request.
 * Use it with `http.createServer({ requireHostHeader: false })`.
 *
 * @example
 * ```ts
 * http.createServer({ requireHostHeader: false }, (req, res) => refuseMissingHost(req, res) || app(req, res))
 * ```
 */
export function refuseMissingHost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers.host !== undefined || req.httpVersion !== '1.1') return false
  applySecurityHeaders(res)
  res.shouldKeepAlive = false
  sendError(res, new BrokerError({ code: 'InvalidParameterValue', status: 400, message: 'An HTTP/1.1 request needs a Host header. Send one (every HTTP client library does).' }))
  return true
}
