import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

/** Body of a successful API 3.0 answer, without the `RequestId` (added here). */
export type ActionOutput = Readonly<Record<string, unknown>>

/**
 * Writes an API 3.0 answer: HTTP 200, `Content-Type: application/json`, a fresh UUID v4
 * `RequestId` last in `Response` (as Tencent orders it), and a `Date` header (Node adds it;
 * clients use it to measure clock skew).
 *
 * @example
 * sendResult(res, { ServerSession: 'eyJ…' })
 * sendError(res, 'InvalidAction', 'The action `Foo` does not exist.')
 */
export function sendResult(res: ServerResponse, output: ActionOutput, options: { close?: boolean } = {}): string {
  const requestId = randomUUID()
  write(res, JSON.stringify({ Response: { ...output, RequestId: requestId } }), options.close === true)
  return requestId
}

/**
 * Writes an API 3.0 error answer (HTTP 200, like Tencent) and returns its RequestId.
 *
 * @example
 * sendError(res, 'AuthFailure.SignatureFailure', 'The signature does not match.')
 */
export function sendError(res: ServerResponse, code: string, message: string, options: { close?: boolean } = {}): string {
  const requestId = randomUUID()
  write(res, JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } }), options.close === true)
  return requestId
}

function write(res: ServerResponse, body: string, close: boolean): void {
  if (res.headersSent || res.destroyed) return
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  }
  // After refusing an oversized body the rest of it is never read, so the connection cannot be reused.
  if (close) headers['Connection'] = 'close'
  res.writeHead(200, headers)
  res.end(body)
}
