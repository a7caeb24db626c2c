type Listener = (payload: never) => void

/** A typed event emitter; `E` maps event names to listener signatures. */
export interface Emitter<E extends { [K in keyof E]: Listener }> {
  on<K extends keyof E>(name: K, listener: E[K]): () => void
  emit<K extends keyof E>(name: K, payload: Parameters<E[K]>[0]): void
  clear(): void
}

/**
 * Creates a typed emitter (after nanoevents). `on` returns the unsubscribe function. Every listener
 * call is guarded: a throwing listener is reported with `console.warn` and the others still run.
 *
 * @example
 * ```ts
 * const em = createEmitter<{ tick: (n: number) => void }>()
 * const off = em.on('tick', (n) => console.log(n))
 * em.emit('tick', 1)
 * off()
 * ```
 */
export function createEmitter<E extends { [K in keyof E]: Listener }>(): Emitter<E> {
  let all: { [K in keyof E]?: E[K][] } = {}
  return {
    on(name, listener) {
      ;(all[name] ??= []).push(listener)
      return () => {
        all[name] = all[name]?.filter((l) => l !== listener)
      }
    },
    emit(name, payload) {
      // Unsubscribing replaces the array, so one removed during this loop does not skip a neighbour.
      for (const l of all[name] ?? []) {
        try {
          ;(l as (p: typeof payload) => void)(payload)
        } catch (err) {
          console.warn('[carkit] listener threw:', name, err)
        }
      }
    },
    clear() {
      all = {}
    },
  }
}
