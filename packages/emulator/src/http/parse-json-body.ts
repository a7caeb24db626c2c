/** A body parsed as JSON, or why it could not be. */
export type JsonBody =
  | { ok: true; value: Readonly<Record<string, unknown>> }
  | { ok: false; reason: 'not-json' | 'not-object' }

/**
 * Parses a request body as a JSON object. An empty body counts as `{}`, as Tencent treats it.
 *
 * @example
 * parseJsonBody(Buffer.from('{"UserId":"u1"}')) // { ok: true, value: { UserId: 'u1' } }
 */
export function parseJsonBody(body: Buffer): JsonBody {
  if (body.length === 0) return { ok: true, value: {} }
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch {
    return { ok: false, reason: 'not-json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not-object' }
  return { ok: true, value: value as Record<string, unknown> }
}
