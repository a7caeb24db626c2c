import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import proxyaddr from 'proxy-addr'
import type { TrustProxy } from '../config/broker-config.js'

function normalise(ip: string | undefined): string | undefined {
  if (ip === undefined) return undefined
  const plain = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
  return isIP(plain) === 0 ? undefined : plain
}

function compileTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === true) return () => true
  if (trust === false) return () => false
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return proxyaddr.compile([...trust])
}

/**
 * Builds the function that gives a request's client address as CAR's `UserIp`: computed the way
 * Express computes `req.ip` (its `proxy-addr`), from `CARKIT_TRUST_PROXY` only — also when the
 * router is mounted in a host app, whose own `trust proxy` must not widen what the broker
 * believes (the address is the rate-limit key and CAR's scheduling hint). IPv4-mapped
 * IPv6 (`::ffff:1.2.3.4`) becomes IPv4; a forwarded value that is not an IP address is not
 * trusted and the socket address is used instead.
 *
 * @example
 * ```ts
 * const clientIp = createClientIpResolver(config.trustProxy)
 * clientIp(req) // '203.0.113.7'
 * ```
 */
export function createClientIpResolver(trust: TrustProxy): (req: IncomingMessage) => string | undefined {
  const trusted = compileTrust(trust)
  return (req) => {
    const ip = req.socket.remoteAddress === undefined ? undefined : proxyaddr(req, trusted)
    return normalise(ip) ?? normalise(req.socket.remoteAddress)
  }
}
