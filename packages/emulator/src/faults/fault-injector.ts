import type { FailNextOptions } from '../types.js'

/** A forced error answer taken from the {@link FaultInjector}. */
export interface InjectedFault {
  code: string
  message: string
}

interface PendingFault extends InjectedFault {
  action: string
  remaining: number
}

/**
 * Holds the errors tests ask for with `failNext(action, code)`: the next matching calls answer with
 * that code instead of doing their work. Faults are used in the order they were added.
 *
 * @example
 * const faults = new FaultInjector()
 * faults.add('ApplyConcurrent', 'InternalError', { times: 2 })
 * faults.take('ApplyConcurrent') // { code: 'InternalError', message: '…' }
 */
export class FaultInjector {
  readonly #pending: PendingFault[] = []

  /** Queues `times` forced answers with `code` for `action` (`'*'` matches every action). */
  add(action: string, code: string, options: FailNextOptions = {}): void {
    const times = options.times ?? 1
    if (typeof action !== 'string' || action === '') throw new TypeError('`action` must be an action name or `*`.')
    if (typeof code !== 'string' || code === '') throw new TypeError('`code` must be a Tencent Cloud error code such as `InternalError`.')
    if (!Number.isInteger(times) || times < 1) throw new RangeError('`options.times` must be a whole number of at least 1.')
    const message = options.message ?? `The emulator was told to answer ${code} (failNext).`
    this.#pending.push({ action, code, message, remaining: times })
  }

  /** The forced answer for this call of `action`, if one is pending; counts it as used. */
  take(action: string): InjectedFault | undefined {
    const index = this.#pending.findIndex((fault) => fault.action === action || fault.action === '*')
    const fault = this.#pending[index]
    if (fault === undefined) return undefined
    fault.remaining -= 1
    if (fault.remaining === 0) this.#pending.splice(index, 1)
    return { code: fault.code, message: fault.message }
  }
}
