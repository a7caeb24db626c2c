import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { ApiError } from '../http/api-error.js'
import type { EmulatorCredentials } from '../types.js'
import { buildCanonicalRequest } from './canonical-request.js'
import { hostCandidates } from './host-candidates.js'
import { parseAuthorization } from './parse-authorization.js'
import { SigningKeyCache } from './signing-key.js'
import { utcDate } from './utc-date.js'
import { verifySessionToken } from './verify-session-token.js'

/** Settings of a {@link SignatureVerifier}. */
export interface SignatureVerifierOptions {
  credentials: EmulatorCredentials
  /** Service the credential scope must name. */
  service: string
  /** Largest accepted `|X-TC-Timestamp − now|`, seconds. */
  clockSkewToleranceSec: number
  /** When set, `X-TC-Token` must equal it. */
  sessionToken?: string | undefined
}

/** A received request, as much of it as the signature covers. */
export interface SignedRequest {
  method: string
  path: string
  query: string
  headers: IncomingHttpHeaders
  body: Uint8Array
  /** Server time, `Date.now()` milliseconds. */
  now: number
}

/**
 * Verifies TC3-HMAC-SHA256 signatures the way Tencent Cloud API 3.0 does: it rebuilds the canonical
 * request from the received headers and raw body bytes and compares signatures in constant time.
 * The `Host` is tried as received and, when it carries a port, without it (the official SDK signs the
 * hostname only). Throws an {@link ApiError} with the matching `AuthFailure.*` code.
 *
 * @example
 * const verifier = new SignatureVerifier({ credentials, service: 'car', clockSkewToleranceSec: 300 })
 * verifier.verify({ method: 'POST', path: '/', query: '', headers: req.headers, body, now: Date.now() })
 */
export class SignatureVerifier {
  readonly #options: SignatureVerifierOptions
  readonly #keys: SigningKeyCache

  constructor(options: SignatureVerifierOptions) {
    this.#options = options
    this.#keys = new SigningKeyCache(options.credentials.secretKey)
  }

  /** Throws unless the request is signed with the configured key, in time, for the configured service. */
  verify(request: SignedRequest): void {
    const auth = parseAuthorization(header(request.headers, 'authorization'))
    const timestampText = header(request.headers, 'x-tc-timestamp')
    if (timestampText === undefined) {
      throw new ApiError('MissingParameter', 'The request is missing the required parameter `Timestamp` (header `X-TC-Timestamp`).')
    }
    if (!/^\d{1,12}$/.test(timestampText.trim())) {
      throw new ApiError('InvalidParameterValue', '`X-TC-Timestamp` must be a Unix time in whole seconds.')
    }
    const timestamp = Number(timestampText.trim())
    if (auth.service !== this.#options.service) {
      throw new ApiError(
        'AuthFailure.InvalidAuthorization',
        `The credential scope names service \`${auth.service}\`; this endpoint is \`${this.#options.service}\`. Sign with service \`${this.#options.service}\`.`,
      )
    }
    for (const required of ['content-type', 'host']) {
      if (!auth.signedHeaders.includes(required)) {
        throw new ApiError('AuthFailure.InvalidAuthorization', `\`SignedHeaders\` must include \`${required}\`.`)
      }
    }
    const signed: Array<[string, string]> = []
    for (const name of auth.signedHeaders) {
      const value = header(request.headers, name)
      if (value === undefined) {
        throw new ApiError('AuthFailure.InvalidAuthorization', `\`SignedHeaders\` lists \`${name}\`, but the request has no such header.`)
      }
      signed.push([name, value])
    }
    const nowSec = Math.floor(request.now / 1000)
    if (Math.abs(timestamp - nowSec) > this.#options.clockSkewToleranceSec) {
      throw new ApiError(
        'AuthFailure.SignatureExpire',
        `The signature has expired: X-TC-Timestamp is ${timestamp}, server time is ${nowSec}; they may differ by at most ${this.#options.clockSkewToleranceSec} s. Sync the client clock and sign each request just before sending it.`,
      )
    }
    if (auth.secretId !== this.#options.credentials.secretId) {
      throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found. Check it for typos or surrounding whitespace.')
    }
    const expectedDate = utcDate(timestamp)
    if (auth.date !== expectedDate) {
      throw new ApiError(
        'AuthFailure.SignatureFailure',
        `The credential scope date ${auth.date} is not the UTC date of X-TC-Timestamp (${expectedDate}). Use the UTC date, not the local one.`,
      )
    }
    if (!this.#matchesAnyHost(auth.signature, auth.date, auth.signedHeadersText, timestamp, signed, request)) {
      throw new ApiError(
        'AuthFailure.SignatureFailure',
        'The signature does not match. Check the SecretKey and that the signed headers and body are sent exactly as signed.',
      )
    }
    verifySessionToken(header(request.headers, 'x-tc-token'), this.#options.sessionToken)
  }

  #matchesAnyHost(
    signature: string,
    date: string,
    signedHeadersText: string,
    timestamp: number,
    signed: Array<[string, string]>,
    request: SignedRequest,
  ): boolean {
    const given = Buffer.from(signature, 'hex')
    const host = signed.find(([name]) => name === 'host')?.[1] ?? ''
    let matched = false
    for (const candidate of hostCandidates(host)) {
      const headers = signed.map(([name, value]): [string, string] => (name === 'host' ? [name, candidate] : [name, value]))
      const canonical = buildCanonicalRequest({
        method: request.method,
        path: request.path,
        query: request.query,
        headers,
        signedHeaders: signedHeadersText,
        body: request.body,
      })
      const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${this.#options.service}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`
      const expected = createHmac('sha256', this.#keys.get(date, this.#options.service)).update(stringToSign).digest()
      // Every candidate is computed and compared (comparison first), so timing does not tell which matched.
      matched = timingSafeEqual(expected, given) || matched
    }
    return matched
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
