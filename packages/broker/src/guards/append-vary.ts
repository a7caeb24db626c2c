import type { ServerResponse } from 'node:http'

/**
 * Adds a header name to the response's `Vary` header unless it is already listed (or `*`).
 *
 * @example
 * ```ts
 * appendVary(res, 'Origin')
 * ```
 */
export function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader('Vary')
  if (current === undefined) {
    res.setHeader('Vary', field)
    return
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current)
  const names = text.split(',').map((name) => name.trim().toLowerCase())
  if (names.includes('*') || names.includes(field.toLowerCase())) return
  res.setHeader('Vary', text === '' ? field : `${text}, ${field}`)
}
