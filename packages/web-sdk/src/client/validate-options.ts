import { CarError } from '../errors/car-error.js'
import type { ApplyConcurrentOptions, CarClientOptions } from './options.js'

type Check = (value: unknown) => boolean

const fail = (name: string, rule: string): never => {
  throw new CarError('Client.InvalidOptions', `\`${name}\` ${rule}.`)
}
const isObject: Check = (v) => typeof v === 'object' && v !== null
const text = 'must be a non-empty string'
const isText: Check = (v) => typeof v === 'string' && v !== ''
const ms = 'must be a number of ms ≥ 0'
const isMs: Check = (v) => typeof v === 'number' && v >= 0 && v < 2 ** 31
const ids = {
  projectId: [isText, text],
  applicationId: [isText, text],
  applicationVersionId: [isText, text],
} as const

const clientRules: Record<string, readonly [Check, string]> = {
  ...ids,
  brokerUrl: [isText, text],
  userId: [(v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v), 'must be 1–64 of A-Z a-z 0-9 _ -'],
  storage: [
    (v) => ['local', 'session', 'memory'].includes(v as string) || isObject(v),
    "must be 'local', 'session', 'memory' or an object",
  ],
  storageKey: [isText, text],
  headers: [(v) => typeof v === 'function' || isObject(v), 'must be an object or a function'],
  credentials: [(v) => ['omit', 'same-origin', 'include'].includes(v as string), "must be 'omit', 'same-origin' or 'include'"],
  timeoutMs: [(v) => isMs(v) && v !== 0, ms],
  retry: [
    (v) => {
      const { limit = 0, delayMs = 0, maxDelayMs = 0 } = (v || {}) as Record<string, unknown>
      return v === false || (isObject(v) && Number.isInteger(limit) && isMs(limit) && isMs(delayMs) && isMs(maxDelayMs))
    },
    'must be false or { limit, delayMs, maxDelayMs } ≥ 0',
  ],
  fetch: [(v) => typeof v === 'function', 'must be a function'],
}

const callRules: Record<string, readonly [Check, string]> = {
  ...ids,
  signal: [(v) => v instanceof AbortSignal, 'must be an AbortSignal'],
  waitForIdle: [(v) => typeof v === 'boolean', 'must be a boolean'],
  maxWaitMs: [isMs, ms],
}

const check = (rules: Record<string, readonly [Check, string]>, options: unknown): void => {
  if (!isObject(options)) fail('options', 'must be an object')
  for (const [key, value] of Object.entries(options as object)) {
    const rule = rules[key]
    if (!rule) fail(key, 'is not an option (a typo?)')
    else if (value !== undefined && !rule[0](value)) fail(key, rule[1])
  }
}

/**
 * Checks the options of `createCarClient`, throwing a `Client.InvalidOptions` {@link CarError}
 * whose message names the first bad option in backticks.
 *
 * @example
 * ```ts
 * validateClientOptions({ brokerUrl: 'https://app.example.com/car', retry: { limit: 5 } })
 * ```
 */
export function validateClientOptions(options: unknown): asserts options is CarClientOptions {
  check(clientRules, options)
}

/**
 * Checks the options of one `applyConcurrent()` call like {@link validateClientOptions}.
 *
 * @example
 * ```ts
 * validateCallOptions({ waitForIdle: false })
 * ```
 */
export function validateCallOptions(options: unknown): asserts options is ApplyConcurrentOptions {
  check(callRules, options)
}
