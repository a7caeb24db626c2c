import { BrokerError, isBrokerError } from './broker-error.js'

/**
 * Turns anything thrown inside the broker into a {@link BrokerError}. Errors of Express body
 * parsers a host app mounted before the broker map to the contract's 400/413/415 codes;
 * anything unexpected becomes 500 `Broker.InternalError` with the original kept as `cause`.
 *
 * @example
 * ```ts
 * sendError(res, toBrokerError(err))
 * ```
 */
export function toBrokerError(err: unknown): BrokerError {
  if (isBrokerError(err)) return err
  const { status, type } = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; type?: unknown }
  if (type === 'entity.parse.failed') {
    return new BrokerError({ code: 'InvalidParameter.JsonParseError', status: 400, message: 'The request body is not valid JSON.', cause: err })
  }
  if (status === 413) {
    return new BrokerError({ code: 'Broker.PayloadTooLarge', status: 413, message: 'The request body is too large.', cause: err })
  }
  if (status === 415) {
    return new BrokerError({ code: 'Broker.UnsupportedMediaType', status: 415, message: 'Send the body as application/json.', cause: err })
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new BrokerError({ code: 'InvalidParameterValue', status: 400, message: 'The request could not be read. Check the URL and body.', cause: err })
  }
  return new BrokerError({
    code: 'Broker.InternalError',
    status: 500,
    message: 'The broker hit an unexpected error. Try again later; if it keeps happening, the operator should check the broker log.',
    cause: err,
  })
}
