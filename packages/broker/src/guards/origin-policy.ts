import type { AllowedOrigins } from '../config/broker-config.js'

/** How an `Origin` header matched the allowlist. */
export type OriginMatch = 'listed' | 'wildcard' | 'denied'

/**
 * Matches an `Origin` header against the allowlist. `listed` (exact origin, `host:*` pattern or
 * `null` when written) may use credentials; `wildcard` matched only `*`.
 *
 * @example
 * ```ts
 * matchOrigin(parseAllowedOrigins('http://localhost:*'), 'http://localhost:5173') // 'listed'
 * ```
 */
export function matchOrigin(allowed: AllowedOrigins, origin: string): OriginMatch {
  if (origin === 'null') return allowed.allowNull ? 'listed' : 'denied'
  if (allowed.exact.includes(origin)) return 'listed'
  if (allowed.anyPort.length > 0) {
    const colon = origin.lastIndexOf(':')
    // Compare scheme://host only when what follows the last colon is a port number.
    const base = colon > origin.indexOf('://') + 2 && /^\d+$/.test(origin.slice(colon + 1)) ? origin.slice(0, colon) : origin
    if (allowed.anyPort.includes(base)) return 'listed'
  }
  return allowed.any ? 'wildcard' : 'denied'
}
