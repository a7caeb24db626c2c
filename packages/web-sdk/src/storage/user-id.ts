import { nanoid } from 'nanoid'

/**
 * A fresh UserId: a 21-character nanoid from the URL-safe alphabet `[A-Za-z0-9_-]`.
 *
 * @example
 * ```ts
 * createUserId() // 'V1StGXR8_Z5jdHi6B-myT'
 * ```
 */
export function createUserId(): string {
  return nanoid()
}

/**
 * Tells whether `value` is an id {@link createUserId} could have made; anything else found in
 * storage is replaced.
 *
 * @example
 * ```ts
 * isUserId('V1StGXR8_Z5jdHi6B-myT') // true
 * isUserId('{"corrupt":1}')          // false
 * ```
 */
export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{21}$/.test(value)
}
