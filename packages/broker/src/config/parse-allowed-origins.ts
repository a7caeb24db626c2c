import { BrokerConfigError } from './broker-config-error.js'
import type { AllowedOrigins } from './broker-config.js'

/** Emulator-mode default: any port on http://localhost and http://127.0.0.1. */
export const loopbackOrigins: AllowedOrigins = {
  any: false,
  exact: [],
  anyPort: ['http://localhost', 'http://127.0.0.1', 'http://[::1]'],
  allowNull: false,
}

/** No browser origin at all (requests without an `Origin` header still pass). */
export const noOrigins: AllowedOrigins = { any: false, exact: [], anyPort: [], allowNull: false }

function fail(problem: string): never {
  throw new BrokerConfigError('CARKIT_ALLOWED_ORIGINS', problem)
}

function checkOrigin(entry: string): string {
  let url: URL
  try {
    url = new URL(entry)
  } catch {
    return fail(`"${entry}" is not an origin; write it like https://app.example.com (scheme, host, optional port)`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`"${entry}" must start with http:// or https://`)
  if (url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
    fail(`"${entry}" must be an origin only (scheme://host[:port]) without path, query or user info`)
  }
  return url.origin
}

/**
 * Parses `CARKIT_ALLOWED_ORIGINS`: a comma list of origins (`https://app.example.com`), origins
 * with any port (`http://localhost:*`), `null` (opaque origins) and `*` (any origin).
 *
 * @example
 * ```ts
 * parseAllowedOrigins('https://app.example.com, http://localhost:*')
 * // { any: false, exact: ['https://app.example.com'], anyPort: ['http://localhost'], allowNull: false }
 * ```
 */
export function parseAllowedOrigins(raw: string): AllowedOrigins {
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
  if (entries.length === 0) fail('is empty; list origins like https://app.example.com, or leave it unset')
  const exact = new Set<string>()
  const anyPort = new Set<string>()
  let any = false
  let allowNull = false
  for (const entry of entries) {
    if (entry === '*') any = true
    else if (entry === 'null') allowNull = true
    else if (entry.endsWith(':*')) anyPort.add(checkOrigin(entry.slice(0, -2)))
    else exact.add(checkOrigin(entry))
  }
  return { any, exact: [...exact], anyPort: [...anyPort], allowNull }
}
