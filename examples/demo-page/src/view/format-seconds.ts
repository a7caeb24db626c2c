/**
 * A duration for people: one decimal under ten seconds, whole seconds above.
 *
 * @example
 * ```ts
 * formatSeconds(1234)  // '1.2 s'
 * formatSeconds(42_600) // '43 s'
 * ```
 */
export function formatSeconds(ms: number): string {
  const value = Math.max(0, ms) / 1000
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} s`
}
