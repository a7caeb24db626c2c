import type { EmulatorCall } from '../types.js'

/**
 * A bounded log of calls: the newest `size` entries, oldest first.
 *
 * @example
 * const log = new CallLog(10_000)
 * log.push({ action: 'ApplyConcurrent', at: Date.now(), code: 'OK' })
 * log.toArray().length // 1
 */
export class CallLog {
  readonly #size: number
  #entries: EmulatorCall[] = []
  /** Index of the oldest entry once the ring is full. */
  #start = 0

  constructor(size: number) {
    this.#size = size
  }

  push(call: EmulatorCall): void {
    if (this.#entries.length < this.#size) {
      this.#entries.push(call)
      return
    }
    this.#entries[this.#start] = call
    this.#start = (this.#start + 1) % this.#size
  }

  toArray(): EmulatorCall[] {
    return [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)]
  }

  clear(): void {
    this.#entries = []
    this.#start = 0
  }
}
