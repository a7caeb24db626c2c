import type { NextFunction, Request, Response } from 'express'

const headers: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
]

/**
 * Puts the security headers on a response once (later calls do nothing) and removes `X-Powered-By`.
 *
 * @example
 * ```ts
 * applySecurityHeaders(res)
 * ```
 */
export function applySecurityHeaders(res: Response): void {
  // createApp sets them app-wide and the broker router again for standalone use: do it once.
  if (res.locals.carkitSecured === true) return
  res.locals.carkitSecured = true
  for (const [name, value] of headers) res.setHeader(name, value)
  res.removeHeader('X-Powered-By')
}

/**
 * Express middleware that puts the broker's security headers on every response (`nosniff`,
 * `no-store`, `no-referrer`, `DENY` framing, a CSP allowing nothing) and removes `X-Powered-By`.
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
