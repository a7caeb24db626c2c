/**
 * Waits `ms` milliseconds, or rejects with `signal.reason` as soon as `signal` aborts.
 * The abort listener stays registered until the signal aborts or is collected: a flight's signal
 * sees one sleep per attempt, so that is a handful at most.
 *
 * @example
 * ```ts
 * await sleep(1_000, controller.signal)
 * ```
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // A listener of `retry`/`waiting` may have aborted already; throwing here rejects with the reason.
    signal.throwIfAborted()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}
