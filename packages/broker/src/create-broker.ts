import express, { type Router } from 'express'
import { createBrokerHandler } from './broker-handler.js'
import type { BrokerOptions } from './broker-options.js'
import type { BrokerConfig } from './config/broker-config.js'

/**
 * Builds the broker as an Express Router: `POST /v1/apply-concurrent` and `GET /healthz`, with
 * the Origin check and CORS, security headers, per-client rate limit, upstream throttle,
 * single flight per UserId, JSON errors and one log line per request. Paths it does not serve
 * fall through to the host app. `UserIp` is the host app's `req.ip`, so set its `trust proxy`.
 *
 * @example
 * ```ts
 * const app = express()
 * app.set('trust proxy', 'loopback')
 * app.use('/car', createBroker(loadConfig(process.env), { authorize: (req) => req.get('authorization') === expected }))
 * ```
 */
export function createBroker(config: BrokerConfig, options: BrokerOptions = {}): Router {
  const handle = createBrokerHandler(config, options)
  const router = express.Router()
  router.use((req, res, next) => handle(req, res, () => next()))
  return router
}
