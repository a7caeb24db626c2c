import type { ServerResponse } from 'node:http'
import type { NextFunction, Request, Response } from 'express'

const headers: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
]
const secured = new WeakSet<ServerResponse>()

/**
 * Puts the security headers on a response once (later calls do nothing): `nosniff`,
 * `no-store`, `no-referrer`, `DENY` framing, a CSP allowing nothing; removes `X-Powered-By`.
 *
 * @example
 * ```ts
 * applySecurityHeaders(res)
 * ```
 */
export function applySecurityHeaders(res: ServerResponse): void {
  // createApp sets them app-wide and the broker again for standalone use: do it once.
  if (secured.has(res)) return
  secured.add(res)
  for (const [name, value] of headers) res.setHeader(name, value)
  res.removeHeader('X-Powered-By')
}

/**
 * Express middleware form of {@link applySecurityHeaders}, for every response of an app.
 *
 * @example
 * ```ts
 * app.use(securityHeaders)
 * ```
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  applySecurityHeaders(res)
  next()
}
