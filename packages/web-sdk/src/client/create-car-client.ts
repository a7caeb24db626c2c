import { CarError } from '../errors/car-error.js'
import type { CarClientEvents, CarClientState, Grant } from '../events/car-client-events.js'
import { createEmitter } from '../events/emitter.js'
import { openUserIdStore } from '../storage/user-id-store.js'
import { brokerEndpoint } from './broker-endpoint.js'
import type { ApplyConcurrentOptions, CarClientOptions } from './options.js'
import { requestGrant } from './request-grant.js'
import { singleFlight, type Flight } from './single-flight.js'
import { validateCallOptions, validateClientOptions } from './validate-options.js'

/** A client made by {@link createCarClient}. */
export interface CarClient {
  /** The UserId sent to the broker; available synchronously. */
  readonly userId: string
  /** Where the current (or last) quota request stands. */
  readonly state: CarClientState
  /**
   * Asks the broker for concurrency quota. Concurrent calls share one request; a call whose
   * `signal` aborts rejects alone, and the request stops when every caller has aborted.
   * Rejects with a {@link CarError}.
   */
  applyConcurrent(options?: ApplyConcurrentOptions): Promise<Grant>
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof CarClientEvents>(name: K, listener: CarClientEvents[K]): () => void
  /** Adds a listener called at most once; returns the function that removes it. */
  once<K extends keyof CarClientEvents>(name: K, listener: CarClientEvents[K]): () => void
  /** Replaces the UserId with a new one (persisted when possible), emits `userid` with source `reset`, returns it. */
  resetUserId(): string
  /** Aborts in-flight work with `Client.Aborted`, removes every listener; later calls reject. */
  destroy(): void
}

const aborted = () => new CarError('Client.Aborted', 'The call was aborted.')

/**
 * Creates a client that keeps a persistent UserId and asks a carkit broker for CAR concurrency
 * quota. Throws a `Client.InvalidOptions` {@link CarError} for bad options. Touches `window` and
 * storage only here, never at import.
 *
 * @example
 * ```ts
 * const car = createCarClient({ brokerUrl: 'https://app.example.com/car' })
 * car.on('waiting', ({ waitedMs }) => showQueue(waitedMs))
 * const { requestId } = await car.applyConcurrent()
 * ```
 */
export function createCarClient(options: CarClientOptions): CarClient {
  validateClientOptions(options)
  const url = brokerEndpoint(options.brokerUrl)
  const retry = options.retry === false ? { limit: 0 } : (options.retry ?? {})
  const retryConfig = { limit: retry.limit ?? 3, delayMs: retry.delayMs ?? 500, maxDelayMs: retry.maxDelayMs ?? 10_000 }
  // ky never retries a POST by default: the loop in requestGrant retries, emitting `retry` and `waiting`.
  // An unset `credentials` or `fetch` leaves fetch's own default ('same-origin', globalThis.fetch).
  const http = { credentials: options.credentials, timeout: options.timeoutMs ?? 25_000, fetch: options.fetch }
  const events = createEmitter<CarClientEvents>()
  const store = openUserIdStore(options.storage ?? 'local', options.storageKey ?? 'carkit:user-id', options.userId)
  const unwatch = store.watch((e) => events.emit('userid', e))
  let state: CarClientState = 'idle'
  let flight: Flight<Grant, CarError> | undefined
  let destroyed = false

  const setState = (next: CarClientState) => {
    if (next === state) return
    const previous = state
    state = next
    events.emit('statechange', { state, previous })
  }

  const start = (call: ApplyConcurrentOptions): Flight<Grant, CarError> => {
    // Only the current flight settles the client: once aborted, a flight is no longer current,
    // so its late rejection neither emits twice nor touches a successor.
    const fail = (error: CarError) => {
      if (flight !== f) return
      flight = undefined
      setState('failed')
      events.emit('error', error)
    }
    const f = singleFlight(
      (signal) =>
        requestGrant({
          url,
          body: {
            userId: store.userId,
            projectId: call.projectId ?? options.projectId,
            applicationId: call.applicationId ?? options.applicationId,
            applicationVersionId: call.applicationVersionId ?? options.applicationVersionId,
          },
          headers: options.headers,
          http,
          retry: retryConfig,
          waitForIdle: call.waitForIdle ?? true,
          maxWaitMs: call.maxWaitMs ?? 120_000,
          signal,
          emit: events.emit,
          setState,
        }).then(
          (grant) => {
            if (flight === f) {
              flight = undefined
              setState('granted')
              events.emit('granted', grant)
            }
            return grant
          },
          (error: CarError) => {
            fail(error)
            throw error
          },
        ),
      fail,
      aborted,
    )
    return f
  }

  const client: CarClient = {
    get userId() {
      return store.userId
    },
    get state() {
      return state
    },
    applyConcurrent(call = {}) {
      try {
        validateCallOptions(call)
        if (destroyed) throw aborted()
        // A call made while a request is in flight joins it, whatever its own options say.
        flight ??= start(call)
        return flight.join(call.signal)
      } catch (error) {
        return Promise.reject(error as CarError)
      }
    },
    on: events.on,
    once(name, listener) {
      const off = events.on(name, ((payload: never) => {
        off()
        ;(listener as (p: never) => void)(payload)
      }) as CarClientEvents[typeof name])
      return off
    },
    resetUserId() {
      events.emit('userid', store.reset())
      return store.userId
    },
    destroy() {
      destroyed = true
      unwatch()
      events.clear()
      flight?.abort(aborted())
    },
  }
  queueMicrotask(() => events.emit('userid', store.first))
  return client
}
