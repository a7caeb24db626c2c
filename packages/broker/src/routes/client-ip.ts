import type { Request } from 'express'

/**
 * The client's IP address as CAR's `UserIp`: Express's `req.ip` (the socket address, or the
 * `X-Forwarded-For` entry that `trust proxy` allows), with IPv4-mapped IPv6 (`::ffff:1.2.3.4`)
 * turned back into IPv4.
 *
 * @example
 * ```ts
 * const userIp = clientIp(req) // '203.0.113.7'
 * ```
 */
export function clientIp(req: Request): string | undefined {
  const ip = req.ip ?? req.socket.remoteAddress
  if (ip === undefined) return undefined
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
}
