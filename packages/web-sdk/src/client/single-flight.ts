/** One shared run of an abortable task; `E` is the abort error type. */
export interface Flight<T, E> {
  /** Waits for the run; when `signal` aborts, only this caller rejects (with the abort error). */
  join(signal?: AbortSignal): Promise<T>
  /** Stops the run for every caller, with `reason` as the abort reason; calls `onAbort(reason)`. */
  abort(reason: E): void
}

/**
 * Starts `task` once for any number of callers. The run is aborted when every caller has left
 * through its signal, or on `abort()`; `onAbort` is then called at once, so a new call can start
 * a fresh run instead of joining one that is stopping.
 *
 * @example
 * ```ts
 * const flight = singleFlight((signal) => fetch(url, { signal }), () => {}, () => new Error('aborted'))
 * const [a, b] = await Promise.all([flight.join(one.signal), flight.join()])
 * ```
 */
export function singleFlight<T, E>(
  task: (signal: AbortSignal) => Promise<T>,
  onAbort: (reason: E) => void,
  abortError: () => E,
): Flight<T, E> {
  const controller = new AbortController()
  const promise = task(controller.signal)
  let users = 0
  const abort = (reason: E) => {
    onAbort(reason)
    controller.abort(reason)
  }
  return {
    abort,
    join: (signal) =>
      new Promise((resolve, reject) => {
        users++
        const leave = () => {
          const error = abortError()
          if (--users === 0) abort(error)
          reject(error)
        }
        // Subscribe first: the run must always have a handler, or its rejection would go unhandled.
        promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', leave))
        if (signal?.aborted) leave()
        else signal?.addEventListener('abort', leave, { once: true })
      }),
  }
}
