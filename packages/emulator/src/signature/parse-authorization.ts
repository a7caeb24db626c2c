import { ApiError } from '../http/api-error.js'

/** The parts of a `TC3-HMAC-SHA256` Authorization header. */
export interface ParsedAuthorization {
  secretId: string
  /** Credential scope date, `YYYY-MM-DD`. */
  date: string
  /** Credential scope service, e.g. `car`. */
  service: string
  /** Lower-case header names in the order the client listed them. */
  signedHeaders: string[]
  /** The exact `SignedHeaders=` text, as it enters the canonical request. */
  signedHeadersText: string
  /** 64 lower-case hex digits. */
  signature: string
}

// Tencent writes ", " between the parts; tolerate any spacing around the commas.
const AUTHORIZATION =
  /^TC3-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request\s*,\s*SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*)\s*,\s*Signature=([0-9a-f]{64})\s*$/

/**
 * Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=…, Signature=…`.
 * Throws `AuthFailure.InvalidAuthorization` when the header is absent or malformed.
 *
 * @example
 * const auth = parseAuthorization(req.headers.authorization)
 * auth.service // 'car'
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      'AuthFailure.InvalidAuthorization',
      'The `Authorization` header is missing. Sign the request with TC3-HMAC-SHA256.',
    )
  }
  const match = AUTHORIZATION.exec(header)
  if (match === null) {
    throw new ApiError(
      'AuthFailure.InvalidAuthorization',
      'The `Authorization` header is malformed. Expected `TC3-HMAC-SHA256 Credential=SecretId/YYYY-MM-DD/car/tc3_request, SignedHeaders=content-type;host, Signature=<64 hex digits>`.',
    )
  }
  const [, secretId = '', date = '', service = '', signedHeadersText = '', signature = ''] = match
  return { secretId, date, service, signedHeaders: signedHeadersText.split(';'), signedHeadersText, signature }
}
