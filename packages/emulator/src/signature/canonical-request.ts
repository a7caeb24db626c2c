import { createHash } from 'node:crypto'

/** What goes into a TC3 canonical request. */
export interface CanonicalRequestParts {
  method: string
  /** Path, `/` for API 3.0. */
  path: string
  /** Query string without `?`, empty for POST. */
  query: string
  /** `[lower-case name, value]` for each signed header, in the order the client listed them. */
  headers: ReadonlyArray<readonly [string, string]>
  /** The exact `SignedHeaders=` text. */
  signedHeaders: string
  /** Raw body bytes. */
  body: Uint8Array
}

/**
 * Builds the TC3 canonical request:
 * `Method\nPath\nQuery\nname:value\n…\n\nSignedHeaders\nhex(sha256(body))`.
 * Header values are trimmed and lower-cased, as Tencent's signature v3 documentation specifies.
 *
 * @example
 * buildCanonicalRequest({ method: 'POST', path: '/', query: '', body,
 *   headers: [['content-type', 'application/json'], ['host', 'car.tencentcloudapi.com']],
 *   signedHeaders: 'content-type;host' })
 */
export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  let canonicalHeaders = ''
  for (const [name, value] of parts.headers) canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`
  const payloadHash = createHash('sha256').update(parts.body).digest('hex')
  return `${parts.method}\n${parts.path}\n${parts.query}\n${canonicalHeaders}\n${parts.signedHeaders}\n${payloadHash}`
}
