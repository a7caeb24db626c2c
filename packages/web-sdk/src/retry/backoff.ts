/**
 * Delay before retry number `n` (1-based): exponential from `baseMs`, capped at `maxMs`, with full
 * jitter (a random point between 0 and that bound) so many clients do not retry in step. A server's
 * `Retry-After` is a floor, itself capped at `maxMs`.
 *
 * @example
 * ```ts
 * backoffDelay(3, 500, 10_000)        // somewhere in 0–2000 ms
 * backoffDelay(1, 500, 10_000, 5_000) // 5000 ms: the broker asked for it
 * ```
 */
export function backoffDelay(n: number, baseMs: number, maxMs: number, retryAfterMs = 0): number {
  return Math.round(Math.max(Math.random() * Math.min(maxMs, baseMs * 2 ** (n - 1)), Math.min(retryAfterMs, maxMs)))
}
