import type { ServerResponse } from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import { sendError } from '../errors/send-error.js'
import { toBrokerError } from '../errors/to-broker-error.js'
import type { BrokerLog } from '../logging/broker-log.js'
import { contextOf } from './request-context.js'

/**
 * Answers any error as the contract's JSON (never HTML, never a stack), records its code for
 * the request log line, and logs unexpected errors with their cause.
 *
 * @example
 * ```ts
 * handle(req, res).catch((err) => answerError(log, res, err))
 * ```
 */
export function answerError(log: BrokerLog, res: ServerResponse, err: unknown): void {
  const error = toBrokerError(err)
  const context = contextOf(res)
  if (context !== undefined) context.code = error.code
  if (error.code === 'Broker.InternalError') log('error', 'unexpected_error', { requestId: context?.requestId, error: error.cause })
  sendError(res, error)
}

/**
 * The Express error handler of `createApp`: {@link answerError} for everything.
 *
 * @example
 * ```ts
 * app.use(errorHandler(log))
 * ```
 */
export function errorHandler(log: BrokerLog) {
  return function answerAppError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
    answerError(log, res, err)
  }
}
