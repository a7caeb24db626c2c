import { generateCredentials } from './credentials/generate-credentials.js'
import type { EmulatorCredentials, StartEmulatorOptions } from './types.js'

/** {@link StartEmulatorOptions} with every default applied and every value checked. */
export interface ResolvedOptions {
  host: string
  port: number
  capacity: number
  projects: string[]
  credentials: EmulatorCredentials
  lockTtlMs: number
  rateLimitPerSecond: number
  latencyMs: number
  clockSkewToleranceSec: number
  sessionToken: string | undefined
  maxBodyBytes: number
  callLogSize: number
}

/**
 * Applies the defaults of {@link StartEmulatorOptions} and throws a `TypeError`/`RangeError`
 * naming the option in backticks when a value is invalid.
 *
 * @example
 * resolveOptions({ capacity: 1 }).projects // ['cap-demo']
 */
export function resolveOptions(options: StartEmulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    capacity: options.capacity ?? 2,
    projects: options.projects ?? ['cap-demo'],
    credentials: options.credentials ?? generateCredentials(),
    lockTtlMs: options.lockTtlMs ?? 30_000,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 100,
    latencyMs: options.latencyMs ?? 0,
    clockSkewToleranceSec: options.clockSkewToleranceSec ?? 300,
    sessionToken: options.sessionToken,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    callLogSize: options.callLogSize ?? 10_000,
  }
  if (typeof resolved.host !== 'string' || resolved.host === '') throw new TypeError('`host` must be a non-empty string such as `127.0.0.1`.')
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65_535) {
    throw new RangeError('`port` must be a whole number from 0 to 65535 (0 picks a free port).')
  }
  checkCount('capacity', resolved.capacity, 0)
  if (!Array.isArray(resolved.projects) || resolved.projects.length === 0 || resolved.projects.some((p) => typeof p !== 'string' || p.trim() === '')) {
    throw new TypeError('`projects` must be a non-empty array of ProjectIds such as `cap-demo`.')
  }
  const { secretId, secretKey } = resolved.credentials
  if (typeof secretId !== 'string' || secretId === '' || typeof secretKey !== 'string' || secretKey === '') {
    throw new TypeError('`credentials` must have a non-empty `secretId` and `secretKey`.')
  }
  checkCount('lockTtlMs', resolved.lockTtlMs, 1)
  checkCount('rateLimitPerSecond', resolved.rateLimitPerSecond, 1)
  checkCount('latencyMs', resolved.latencyMs, 0)
  checkCount('clockSkewToleranceSec', resolved.clockSkewToleranceSec, 0)
  checkCount('maxBodyBytes', resolved.maxBodyBytes, 1)
  checkCount('callLogSize', resolved.callLogSize, 1)
  if (resolved.sessionToken !== undefined && (typeof resolved.sessionToken !== 'string' || resolved.sessionToken === '')) {
    throw new TypeError('`sessionToken` must be a non-empty string when given.')
  }
  return resolved
}

/**
 * Throws a `RangeError` naming `name` unless `value` is a whole number of at least `min`.
 *
 * @example
 * checkCount('capacity', 2, 0)
 */
export function checkCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`\`${name}\` must be a whole number of at least ${min}; got ${String(value)}.`)
  }
}
