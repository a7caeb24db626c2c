/**
 * Counts calls per action in fixed one-second windows, like Tencent's per-action request limits.
 *
 * @example
 * const limiter = new ActionRateLimiter()
 * limiter.tryTake('ApplyConcurrent', 100, Date.now()) // true until the 101st call this second
 */
export class ActionRateLimiter {
  readonly #windows = new Map<string, { second: number; count: number }>()

  /** Counts one call; false when `limit` calls were already counted for `action` in the current second. */
  tryTake(action: string, limit: number, now: number): boolean {
    const second = Math.floor(now / 1000)
    let window = this.#windows.get(action)
    if (window === undefined || window.second !== second) {
      window = { second, count: 0 }
      this.#windows.set(action, window)
    }
    if (window.count >= limit) return false
    window.count += 1
    return true
  }
}
