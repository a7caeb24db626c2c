import express, { type Router } from 'express'
import { createBrokerHandler } from './broker-handler.js'
import type { BrokerOptions } from './broker-options.js'
import type { BrokerConfig } from './config/broker-config.js'

/**
 * Builds the broker as an Express Router: `POST /v1/apply-concurrent` and `GET /healthz`, with
 * the Origin check and CORS, security headers, per-client rate limit, upstream throttle,
 * single flight per UserId, JSON errors and one log line per request. Paths it does not serve
 * fall through to the host app. `UserIp` and the rate-limit key come from the socket, or from
 * `X-Forwarded-For` only as `CARKIT_TRUST_PROXY` allows — the host app's `trust proxy` does not apply.
 *
 * @example
 * ```ts
 * const app = express()
 * app.use('/car', createBroker(loadConfig(process.env), { authorize: (req) => req.get('authorization') === expected }))
 * ```
 */
export function createBroker(config: BrokerConfig, options: BrokerOptions = {}): Router {
  const handle = createBrokerHandler(config, options)
  const router = express.Router()
  router.use((req, res, next) => handle(req, res, next))
  return router
}
