import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AllowedOrigins } from '../config/broker-config.js'
import { BrokerError } from '../errors/broker-error.js'
import { appendVary } from './append-vary.js'
import { matchOrigin } from './origin-policy.js'

const baseAllowedHeaders = ['Authorization', 'Content-Type']
const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Seconds a browser may cache a preflight answer (Chromium caps it at 7200). */
export const preflightMaxAgeSec = 600

/**
 * The Origin check and CORS for one request. A request without `Origin` (curl,
 * server-to-server) passes untouched; a disallowed Origin throws 403 `Broker.OriginNotAllowed`
 * before anything is signed; an allowed one gets `Access-Control-Allow-Origin` (and
 * `Access-Control-Allow-Credentials` only when the origin is listed explicitly, never with `*`).
 *
 * @example
 * ```ts
 * checkOrigin(config.allowedOrigins, req, res)
 * ```
 */
export function checkOrigin(allowed: AllowedOrigins, req: IncomingMessage, res: ServerResponse): void {
  appendVary(res, 'Origin')
  const origin = req.headers.origin
  if (origin === undefined) return
  const match = matchOrigin(allowed, origin)
  if (match === 'denied') {
    throw new BrokerError({
      code: 'Broker.OriginNotAllowed',
      status: 403,
      message: `This page's origin (${origin.slice(0, 200)}) may not call the broker. The operator must add it to CARKIT_ALLOWED_ORIGINS.`,
    })
  }
  res.setHeader('Access-Control-Allow-Origin', match === 'listed' ? origin : '*')
  if (match === 'listed') res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id')
}

/**
 * Answers `OPTIONS` for one route: a CORS preflight gets the allowed methods, `Authorization`,
 * `Content-Type` and any other requested header names, and `Access-Control-Max-Age`; a plain
 * `OPTIONS` without `Origin` gets `204` with `Allow`. Run {@link checkOrigin} first.
 *
 * @example
 * ```ts
 * answerPreflight(['POST'], req, res)
 * ```
 */
export function answerPreflight(methods: readonly string[], req: IncomingMessage, res: ServerResponse): void {
  const allow = [...methods, 'OPTIONS'].join(', ')
  res.setHeader('Allow', allow)
  if (req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined) {
    const requested = (req.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && tokenPattern.test(name))
    const headers = new Set([...baseAllowedHeaders, ...requested])
    appendVary(res, 'Access-Control-Request-Headers')
    res.setHeader('Access-Control-Allow-Methods', allow)
    res.setHeader('Access-Control-Allow-Headers', [...headers].join(', '))
    res.setHeader('Access-Control-Max-Age', String(preflightMaxAgeSec))
    if (req.headers['access-control-request-private-network'] === 'true') {
      res.setHeader('Access-Control-Allow-Private-Network', 'true')
    }
  }
  res.statusCode = 204
  res.end()
}
