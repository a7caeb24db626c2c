interface Flight<T> {
  key: string
  promise: Promise<T>
}

/**
 * One in-flight task per group (per UserId): a second caller with the same `key` while the
 * first runs shares its result; a caller with a different `key` (other project or
 * application) waits until the running task has finished and then runs its own.
 *
 * @example
 * ```ts
 * const flights = new SingleFlight<Answer>()
 * const answer = await flights.run(userId, `${projectId}|${applicationId ?? ''}`, () => callUpstream())
 * ```
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Flight<T>>()

  /** Groups with a task in flight. */
  get size(): number {
    return this.#flights.size
  }

  /** Runs `task`, or joins the running one of `group` when its key matches. */
  run(group: string, key: string, task: () => Promise<T>): Promise<T> {
    const running = this.#flights.get(group)
    if (running !== undefined && running.key === key) return running.promise
    const promise =
      running === undefined
        ? task()
        : running.promise.then(
            () => task(),
            () => task(),
          )
    const flight: Flight<T> = { key, promise }
    this.#flights.set(group, flight)
    const forget = (): void => {
      if (this.#flights.get(group) === flight) this.#flights.delete(group)
    }
    promise.then(forget, forget)
    return promise
  }
}
