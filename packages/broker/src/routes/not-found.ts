import type { Request, Response } from 'express'
import { BrokerError } from '../errors/broker-error.js'

/**
 * Final handler of `createApp`: 404 `Broker.NotFound` as JSON.
 *
 * @example
 * ```ts
 * app.use(notFound)
 * ```
 */
export function notFound(_req: Request, _res: Response): never {
  throw new BrokerError({
    code: 'Broker.NotFound',
    status: 404,
    message: 'No such route. The broker serves POST /v1/apply-concurrent and GET /healthz.',
  })
}
