import type { CarErrorCode } from './car-error-code.js'

// A registry symbol, so two copies of the SDK (ESM + script tag) recognise each other's errors.
const brand = Symbol.for('carkit.error')

/** Extra fields of a {@link CarError}. */
export interface CarErrorInit {
  /** Broker/Tencent request id, when the broker answered. */
  requestId?: string | undefined
  /** HTTP status of the broker answer, when there was one. */
  status?: number | undefined
  /** `true` when trying again later may succeed. @default false */
  retryable?: boolean | undefined
  /** The original error (ky's `HTTPError`, `TimeoutError`, a `TypeError`, …). */
  cause?: unknown
}

/**
 * The one error type of the SDK: every rejection of `applyConcurrent()`, every `error` event and
 * every invalid-option throw is a `CarError`.
 *
 * @example
 * ```ts
 * try { await car.applyConcurrent() } catch (err) {
 *   if (isCarError(err) && err.code === 'ResourceNotFound.NoIdle') showQueueMessage()
 * }
 * ```
 */
export class CarError extends Error {
  declare readonly name: 'CarError'
  declare readonly code: CarErrorCode
  declare readonly requestId?: string
  declare readonly status?: number
  declare readonly retryable: boolean

  /**
   * @example
   * ```ts
   * new CarError('Client.Timeout', 'The broker did not answer within 25000 ms.', { retryable: true })
   * ```
   */
  constructor(code: CarErrorCode, message: string, init: CarErrorInit = {}) {
    super(message, init)
    Object.assign(this, init, { name: 'CarError', code, retryable: !!init.retryable, [brand]: true })
  }
}

/**
 * Tells whether `value` is a {@link CarError}, also one created by another copy of the SDK
 * (it checks a `Symbol.for` brand, not `instanceof`).
 *
 * @example
 * ```ts
 * car.applyConcurrent().catch((err) => { if (isCarError(err)) console.log(err.code) })
 * ```
 */
export function isCarError(value: unknown): value is CarError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}
