const secretField = /authorization|secret|token|password|passwd|cookie|signature|credential/i
const mask = '[REDACTED]'
// Credentials that show up inside free text, e.g. an upstream message echoing a request header.
const inlineCredentials: ReadonlyArray<readonly [RegExp, string]> = [
  [/Signature=[0-9a-fA-F]+/g, `Signature=${mask}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]+=*/g, `$1 ${mask}`],
]

function scrub(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') {
    let text = value
    for (const secret of secrets) if (text.includes(secret)) text = text.split(secret).join(mask)
    // Cheap pre-check: most log strings (paths, codes, ids) hold no credential at all.
    if (text.length > 8 && (text.includes('Signature=') || text.includes('Bearer') || text.includes('Basic'))) {
      for (const [pattern, replacement] of inlineCredentials) text = text.replace(pattern, replacement)
    }
    return text
  }
  if (typeof value !== 'object' || value === null) return value
  if (depth > 6) return '[…]'
  if (value instanceof Error) return scrub({ name: value.name, message: value.message, code: (value as { code?: unknown }).code }, secrets, depth + 1)
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) out[key] = secretField.test(key) ? mask : scrub(item, secrets, depth + 1)
  return out
}

/**
 * Builds a function that copies a log entry with every secret removed: fields named like
 * secrets (`authorization`, `secretKey`, `token`, …) are masked, any string containing one
 * of the given secret values has it replaced by `[REDACTED]`, and so do TC3 signatures and
 * `Bearer`/`Basic` credentials written inside text.
 *
 * @example
 * ```ts
 * const redact = createRedactor([secretKey])
 * redact({ event: 'x', note: `key=${secretKey}` }) // { event: 'x', note: 'key=[REDACTED]' }
 * ```
 */
export function createRedactor(secrets: readonly string[]): <T extends Record<string, unknown>>(entry: T) => T {
  // Very short values would mask innocent text; real keys are far longer.
  const values = secrets.filter((secret) => secret.length >= 8)
  return <T extends Record<string, unknown>>(entry: T) => scrub(entry, values, 0) as T
}

/**
 * Builds a function that removes the given secret values, TC3 signatures and `Bearer`/`Basic`
 * credentials from one piece of text, e.g. an upstream message about to be shown to a page.
 *
 * @example
 * ```ts
 * const redactText = createTextRedactor([secretKey])
 * redactText(`echo ${secretKey}`) // 'echo [REDACTED]'
 * ```
 */
export function createTextRedactor(secrets: readonly string[]): (text: string) => string {
  const values = secrets.filter((secret) => secret.length >= 8)
  return (text) => scrub(text, values, 0) as string
}
