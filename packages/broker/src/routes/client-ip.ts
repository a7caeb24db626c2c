import { isIP } from 'node:net'
import type { Request } from 'express'

function normalise(ip: string | undefined): string | undefined {
  if (ip === undefined) return undefined
  const plain = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
  return isIP(plain) === 0 ? undefined : plain
}

/**
 * The client's IP address as CAR's `UserIp`: Express's `req.ip` (the socket address, or the
 * `X-Forwarded-For` entry that `trust proxy` allows), with IPv4-mapped IPv6 (`::ffff:1.2.3.4`)
 * turned back into IPv4. A forwarded value that is not an IP address is not trusted: the
 * socket address is used instead.
 *
 * @example
 * ```ts
 * const userIp = clientIp(req) // '203.0.113.7'
 * ```
 */
export function clientIp(req: Request): string | undefined {
  return normalise(req.ip) ?? normalise(req.socket.remoteAddress)
}
