import type { NextFunction, Request, Response } from 'express'
import { sendError } from '../errors/send-error.js'
import { toBrokerError } from '../errors/to-broker-error.js'
import type { BrokerLog } from '../logging/broker-log.js'

/**
 * The one JSON error handler: every error becomes the contract's JSON (never HTML, never a
 * stack); unexpected errors are logged with their cause.
 *
 * @example
 * ```ts
 * app.use(errorHandler(log))
 * ```
 */
export function errorHandler(log: BrokerLog) {
  return function answerError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
    const error = toBrokerError(err)
    const context = res.locals.carkit as { code?: string; requestId?: string } | undefined
    if (context !== undefined) context.code = error.code
    if (error.status >= 500 && error.code === 'Broker.InternalError') {
      log('error', 'unexpected_error', { requestId: context?.requestId, error: error.cause })
    }
    sendError(res, error)
  }
}
