import type { Request, Response } from 'express'
import { BrokerError } from '../errors/broker-error.js'

/**
 * Handler for a known route with the wrong method: 405 `Broker.MethodNotAllowed` with `Allow`.
 *
 * @example
 * ```ts
 * router.route('/healthz').get(healthz).all(methodNotAllowed(['GET', 'HEAD', 'OPTIONS']))
 * ```
 */
export function methodNotAllowed(allowed: readonly string[]) {
  const allow = allowed.join(', ')
  return function refuseMethod(req: Request, _res: Response): never {
    throw new BrokerError({
      code: 'Broker.MethodNotAllowed',
      status: 405,
      message: `${req.method} is not allowed here; use ${allow}.`,
      headers: { Allow: allow },
    })
  }
}
