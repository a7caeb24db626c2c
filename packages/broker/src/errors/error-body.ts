import type { BrokerError } from './broker-error.js'

/** The JSON body of every error answer (contract "Broker" section). */
export interface ErrorBody {
  error: {
    code: string
    message: string
    requestId?: string
    retryable: boolean
  }
}

/**
 * Builds the contract's error body from a {@link BrokerError}. The cause never leaves the server.
 *
 * @example
 * ```ts
 * res.end(JSON.stringify(toErrorBody(err)))
 * ```
 */
export function toErrorBody(err: BrokerError): ErrorBody {
  const error: ErrorBody['error'] = { code: err.code, message: err.message, retryable: err.retryable }
  if (err.requestId !== undefined) error.requestId = err.requestId
  return { error }
}
