import express, { type Express } from 'express'
import { createBrokerHandler, type BrokerHandler } from './broker-handler.js'
import type { BrokerOptions } from './broker-options.js'
import type { BrokerConfig } from './config/broker-config.js'
import { securityHeaders } from './guards/security-headers.js'
import { createBrokerLog } from './logging/broker-log.js'
import { createJsonLineLogger } from './logging/json-line-logger.js'
import { errorHandler } from './routes/error-handler.js'
import { notFound } from './routes/not-found.js'

/**
 * Builds a complete Express app around {@link createBroker}'s routes mounted at `/`: `trust
 * proxy` from `CARKIT_TRUST_PROXY`, security headers on every response, no `X-Powered-By`, a
 * JSON 404 (`Broker.NotFound`) and one JSON error handler. It does not listen (see `startBroker`).
 *
 * @example
 * ```ts
 * const app = createApp(loadConfig(process.env))
 * app.listen(8787, '127.0.0.1')
 * ```
 */
export function createApp(config: BrokerConfig, options: BrokerOptions = {}): Express {
  return appAround(createBrokerHandler(config, options), config, options)
}

/**
 * The Express app of {@link createApp} around an existing broker handler, so `startBroker` can
 * serve the same handler (one rate limiter, one throttle) both directly and through Express.
 *
 * @example
 * ```ts
 * const handle = createBrokerHandler(config)
 * const app = appAround(handle, config, {})
 * ```
 */
export function appAround(handle: BrokerHandler, config: BrokerConfig, options: BrokerOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.set('trust proxy', typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy)
  app.use(securityHeaders)
  app.use((req, res, next) => handle(req, res, next))
  app.use(notFound)
  app.use(errorHandler(createBrokerLog(options.logger ?? createJsonLineLogger(config.logLevel), config.credentials?.secrets() ?? [])))
  return app
}
