import { BrokerError } from '../errors/broker-error.js'

/**
 * 405 `Broker.MethodNotAllowed` for a known route used with another method, with `Allow`.
 *
 * @example
 * ```ts
 * throw methodNotAllowed('GET', ['POST', 'OPTIONS'])
 * ```
 */
export function methodNotAllowed(method: string | undefined, allowed: readonly string[]): BrokerError {
  const allow = allowed.join(', ')
  return new BrokerError({
    code: 'Broker.MethodNotAllowed',
    status: 405,
    message: `${method ?? 'This method'} is not allowed here; use ${allow}.`,
    headers: { Allow: allow },
  })
}
