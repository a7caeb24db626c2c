import type { Duplex } from 'node:stream'
import { BrokerError } from './errors/broker-error.js'
import { toErrorBody } from './errors/error-body.js'

function errorFor(code: string | undefined): BrokerError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new BrokerError({ code: 'Broker.PayloadTooLarge', status: 431, message: 'The request headers are too large. Send fewer or smaller headers.' })
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new BrokerError({ code: 'Broker.RequestTimeout', status: 408, message: 'The request took too long to arrive. Send it again in one go.' })
  }
  return new BrokerError({ code: 'InvalidParameterValue', status: 400, message: 'The HTTP request is malformed. Send a well-formed HTTP/1.1 request.' })
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
  const error = errorFor(err.code)
  const body = JSON.stringify(toErrorBody(error))
  socket.end(
    `HTTP/1.1 ${error.status} ${error.status === 431 ? 'Request Header Fields Too Large' : error.status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n' +
      "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
      'Connection: close\r\n\r\n' +
      body,
  )
}
