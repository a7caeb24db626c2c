import { timingSafeEqual } from 'node:crypto'
import { ApiError } from '../http/api-error.js'

/**
 * Checks `X-TC-Token` against the STS session token the emulator was given, in constant time.
 * Without a configured token the header is ignored. Throws `AuthFailure.TokenFailure`.
 *
 * @example
 * verifySessionToken(req.headers['x-tc-token'], 'sts-token') // throws unless they are equal
 */
export function verifySessionToken(token: string | undefined, expected: string | undefined): void {
  if (expected === undefined) return
  const given = Buffer.from(token ?? '')
  const wanted = Buffer.from(expected)
  if (given.length === wanted.length && timingSafeEqual(given, wanted)) return
  throw new ApiError(
    'AuthFailure.TokenFailure',
    token === undefined
      ? 'This key needs a session token: send it in `X-TC-Token`.'
      : 'The `X-TC-Token` session token is invalid or expired. Get a fresh STS token.',
  )
}
