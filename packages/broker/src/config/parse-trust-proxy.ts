import { isIP } from 'node:net'
import { BrokerConfigError } from './broker-config-error.js'
import type { TrustProxy } from './broker-config.js'

const names = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isSubnet(entry: string): boolean {
  const slash = entry.indexOf('/')
  if (slash === -1) return isIP(entry) !== 0
  const family = isIP(entry.slice(0, slash))
  const bits = entry.slice(slash + 1)
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false
  // Express (proxy-addr) also accepts a dotted netmask after the slash.
  return Number(bits) <= (family === 4 ? 32 : 128)
}

/**
 * Parses `CARKIT_TRUST_PROXY` the way Express reads `trust proxy`: `true`/`false`, a hop count,
 * or a comma list of addresses, subnets (`10.0.0.0/8`) and the names `loopback`, `linklocal`, `uniquelocal`.
 *
 * @example
 * ```ts
 * parseTrustProxy('loopback, 10.0.0.0/8') // ['loopback', '10.0.0.0/8']
 * parseTrustProxy('1') // 1
 * ```
 */
export function parseTrustProxy(raw: string): TrustProxy {
  const text = raw.trim()
  if (text === 'true' || text === 'false') return text === 'true'
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops <= 255) return hops
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const bad = entries.find((entry) => !names.has(entry) && !isSubnet(entry))
  if (bad !== undefined) {
    throw new BrokerConfigError(
      'CARKIT_TRUST_PROXY',
      `"${bad}" is not true, false, a hop count, an IP address, a subnet like 10.0.0.0/8, or loopback/linklocal/uniquelocal`,
    )
  }
  return entries
}
