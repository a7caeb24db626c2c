/**
 * Most timestamps inside any half-open window [t, t + windowMs), wherever t lies: the sliding
 * count a rate limit measured by either clock could see.
 *
 * @example
 * ```ts
 * peakInWindow([0, 999, 1000, 1500], 1000) // 3 (999, 1000 and 1500)
 * ```
 */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let peak = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1
    peak = Math.max(peak, end - start + 1)
  }
  return peak
}
