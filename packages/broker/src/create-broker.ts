import express, { type Router } from 'express'
import type { BrokerOptions } from './broker-options.js'
import { validateBrokerOptions } from './broker-options.js'
import type { BrokerConfig } from './config/broker-config.js'
import { ClientRateLimiter } from './guards/client-rate-limiter.js'
import { preflight } from './guards/cors.js'
import { enterRoute } from './guards/enter-route.js'
import { rateLimitGuard } from './guards/rate-limit.js'
import { createBrokerLog } from './logging/broker-log.js'
import { createJsonLineLogger } from './logging/json-line-logger.js'
import { applyConcurrentRoute } from './routes/apply-concurrent.js'
import { errorHandler } from './routes/error-handler.js'
import { healthz } from './routes/healthz.js'
import { methodNotAllowed } from './routes/method-not-allowed.js'
import { ApplyConcurrentUpstream } from './upstream/apply-concurrent-upstream.js'
import { CarApiClient } from './upstream/car-api-client.js'
import { UpstreamThrottle } from './upstream/upstream-throttle.js'

const routes = ['/healthz', '/v1/apply-concurrent']

/**
 * Builds the broker as an Express Router: `POST /v1/apply-concurrent` and `GET /healthz`, with
 * the Origin check and CORS, security headers, per-client rate limit, upstream throttle,
 * single-flight per UserId, JSON errors and one log line per request. Paths it does not serve
 * fall through to the host app.
 *
 * @example
 * ```ts
 * const app = express()
 * app.set('trust proxy', 'loopback')
 * app.use('/car', createBroker(loadConfig(process.env), { authorize: (req) => req.get('authorization') === expected }))
 * ```
 */
export function createBroker(config: BrokerConfig, options: BrokerOptions = {}): Router {
  validateBrokerOptions(options)
  const { credentials, endpoint } = config
  if (credentials === undefined || endpoint === undefined) {
    throw new Error(
      'createBroker needs an upstream, but this config is in emulator mode with no emulator attached: use startBroker(), attachEmulator(), or set CARKIT_SECRET_ID and CARKIT_SECRET_KEY',
    )
  }
  const log = createBrokerLog(options.logger ?? createJsonLineLogger(config.logLevel), credentials.secrets())
  const client = new CarApiClient({
    endpoint,
    credentials,
    region: config.region,
    timeoutMs: options.upstreamTimeoutMs ?? 20_000,
    agent: options.agent,
  })
  const throttle = new UpstreamThrottle({
    perSecond: config.upstreamRps,
    maxWaitMs: options.upstreamQueueTimeoutMs,
    maxQueue: options.upstreamQueueLimit,
  })
  const limiter = new ClientRateLimiter(config.rateLimit)
  const upstream = new ApplyConcurrentUpstream(client, throttle, log)

  const router = express.Router()
  router.use(routes, enterRoute(config.allowedOrigins, log))
  router
    .route('/healthz')
    .get(healthz(config.upstream))
    .options(preflight(['GET', 'HEAD']))
    .all(methodNotAllowed(['GET', 'HEAD', 'OPTIONS']))
  router
    .route('/v1/apply-concurrent')
    .post(rateLimitGuard(limiter), applyConcurrentRoute({ projectIds: config.projectIds, upstream, authorize: options.authorize }))
    .options(preflight(['POST']))
    .all(methodNotAllowed(['POST', 'OPTIONS']))
  router.use(routes, errorHandler(log))
  return router
}
