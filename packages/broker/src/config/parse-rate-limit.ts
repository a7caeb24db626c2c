import { BrokerConfigError } from './broker-config-error.js'
import type { RateLimit } from './broker-config.js'

const windows: Readonly<Record<string, number>> = { sec: 1_000, min: 60_000, hour: 3_600_000 }

/**
 * Parses `CARKIT_RATE_LIMIT`: `N/sec`, `N/min` or `N/hour`.
 *
 * @example
 * ```ts
 * parseRateLimit('30/min') // { limit: 30, windowMs: 60_000 }
 * ```
 */
export function parseRateLimit(raw: string): RateLimit {
  const match = /^\s*(\d{1,9})\s*\/\s*(sec|min|hour)\s*$/.exec(raw)
  const limit = Number(match?.[1])
  const windowMs = match?.[2] === undefined ? undefined : windows[match[2]]
  if (windowMs === undefined || !(limit >= 1)) {
    throw new BrokerConfigError(
      'CARKIT_RATE_LIMIT',
      `must look like 30/min (a whole number of at least 1, then /sec, /min or /hour), got "${raw.trim()}"`,
    )
  }
  return { limit, windowMs }
}
