import { BrokerError } from '../errors/broker-error.js'

/** Gives the slot back when the upstream call has finished (answer, error or timeout). */
export type ReleaseSlot = () => void

/** Options of {@link UpstreamThrottle}. */
export interface UpstreamThrottleOptions {
  /** Most calls that may reach upstream in any one-second window. */
  perSecond: number
  /** Most requests waiting for a slot; more are refused at once. @default perSecond * 10 */
  maxQueue?: number
  /** Longest a request waits for a slot before it is refused. @default 10_000 */
  maxWaitMs?: number
  /** Clock in milliseconds. @default Date.now */
  now?: () => number
}

interface Waiter {
  resolve: (release: ReleaseSlot) => void
  reject: (err: BrokerError) => void
  timer: NodeJS.Timeout
  done: boolean
}

const windowMs = 1000

/**
 * Keeps upstream calls under `perSecond` in any one-second window, queueing the excess FIFO
 * (bounded, each waiter with a deadline).
 *
 * A slot is busy while its call is in flight and for one second after the call finished. The
 * server received the call before it answered, so two calls that share a slot arrive at least
 * one second apart however the network delays them: no one-second window ever sees more than
 * `perSecond` calls, measured by the server's clock or ours.
 *
 * @example
 * ```ts
 * const throttle = new UpstreamThrottle({ perSecond: 100 })
 * const release = await throttle.acquire()
 * try { await callUpstream() } finally { release() }
 * ```
 */
export class UpstreamThrottle {
  readonly #perSecond: number
  readonly #maxQueue: number
  readonly #maxWaitMs: number
  readonly #now: () => number
  readonly #cooling: number[] = []
  readonly #queue: Waiter[] = []
  #inFlight = 0
  #waiting = 0
  #timer: NodeJS.Timeout | undefined
  #timerAt = Number.POSITIVE_INFINITY

  constructor(options: UpstreamThrottleOptions) {
    this.#perSecond = options.perSecond
    this.#maxQueue = options.maxQueue ?? options.perSecond * 10
    this.#maxWaitMs = options.maxWaitMs ?? 10_000
    this.#now = options.now ?? Date.now
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#waiting
  }

  /** Waits for a slot (FIFO) and resolves with its release function; rejects with a retryable 429 when the queue is full or the wait is too long. */
  acquire(): Promise<ReleaseSlot> {
    if (this.#waiting === 0 && this.#free() > 0) return Promise.resolve(this.#take())
    if (this.#waiting >= this.#maxQueue) return Promise.reject(this.#busy('its queue is full'))
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        done: false,
        timer: setTimeout(() => {
          waiter.done = true
          this.#waiting -= 1
          reject(this.#busy('this request waited too long in its queue'))
        }, this.#maxWaitMs),
      }
      this.#queue.push(waiter)
      this.#waiting += 1
      this.#schedule()
    })
  }

  #free(): number {
    const now = this.#now()
    while (this.#cooling.length > 0 && (this.#cooling[0] as number) <= now) this.#cooling.shift()
    return this.#perSecond - this.#inFlight - this.#cooling.length
  }

  #take(): ReleaseSlot {
    this.#inFlight += 1
    let released = false
    return () => {
      if (released) return
      released = true
      this.#inFlight -= 1
      // +1 ms: a window closed at both ends must not see the old and the new call together.
      this.#cooling.push(this.#now() + windowMs + 1)
      this.#schedule()
    }
  }

  #pump(): void {
    while (this.#waiting > 0 && this.#free() > 0) {
      const waiter = this.#queue.shift() as Waiter
      if (waiter.done) continue
      waiter.done = true
      this.#waiting -= 1
      clearTimeout(waiter.timer)
      waiter.resolve(this.#take())
    }
    while (this.#queue.length > 0 && (this.#queue[0] as Waiter).done) this.#queue.shift()
    this.#schedule()
  }

  #schedule(): void {
    if (this.#waiting === 0) return
    if (this.#free() > 0) {
      queueMicrotask(() => this.#pump())
      return
    }
    const at = this.#cooling[0]
    // All slots are in flight: the next release schedules the wake-up.
    if (at === undefined || at >= this.#timerAt) return
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timerAt = at
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#timerAt = Number.POSITIVE_INFINITY
      this.#pump()
    }, Math.max(0, at - this.#now()))
  }

  #busy(reason: string): BrokerError {
    return new BrokerError({
      code: 'Broker.RateLimited',
      status: 429,
      retryable: true,
      retryAfterSec: 1,
      message: `The broker is at its ceiling of ${this.#perSecond} calls per second to Tencent Cloud and ${reason}. Try again after Retry-After seconds.`,
    })
  }
}
