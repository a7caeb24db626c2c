import { BrokerConfigError } from './broker-config-error.js'

/**
 * Parses a whole decimal number within bounds, or throws a {@link BrokerConfigError} naming the variable.
 *
 * @example
 * ```ts
 * parseInteger('CARKIT_PORT', '8787', 0, 65535) // 8787
 * ```
 */
export function parseInteger(variable: string, raw: string, min: number, max: number): number {
  const text = raw.trim()
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BrokerConfigError(variable, `must be a whole number from ${min} to ${max}, got "${text}"`)
  }
  return value
}
