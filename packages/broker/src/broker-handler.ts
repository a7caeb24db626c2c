import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrokerOptions } from './broker-options.js'
import { validateBrokerOptions } from './broker-options.js'
import type { BrokerConfig } from './config/broker-config.js'
import { ClientRateLimiter } from './guards/client-rate-limiter.js'
import { answerPreflight, checkOrigin } from './guards/cors.js'
import { takeRateBudget } from './guards/rate-limit.js'
import { applySecurityHeaders } from './guards/security-headers.js'
import { createBrokerLog } from './logging/broker-log.js'
import { createJsonLineLogger } from './logging/json-line-logger.js'
import { createTextRedactor } from './logging/redact.js'
import { applyConcurrentRoute } from './routes/apply-concurrent.js'
import { createClientIpResolver } from './routes/client-ip.js'
import { createEmulatorModeHandler } from './emulator-mode-handler.js'
import { answerError } from './routes/error-handler.js'
import { healthz } from './routes/healthz.js'
import { methodNotAllowed } from './routes/method-not-allowed.js'
import { startRequestContext, type RequestContext } from './routes/request-context.js'
import { ApplyConcurrentUpstream } from './upstream/apply-concurrent-upstream.js'
import { CarApiClient } from './upstream/car-api-client.js'
import { UpstreamThrottle } from './upstream/upstream-throttle.js'

/** Node/Connect-style handler: answers the broker's routes, calls `next()` for any other path (`next(error)` when it cannot serve at all). */
export type BrokerHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

const applyMethods = ['POST', 'OPTIONS']
const healthMethods = ['GET', 'HEAD', 'OPTIONS']

function routeOf(url: string | undefined): 'apply' | 'health' | undefined {
  const query = url?.indexOf('?') ?? -1
  const path = (query === -1 ? url ?? '' : url?.slice(0, query) ?? '').toLowerCase()
  // Same matching as an Express route: case-insensitive, one optional trailing slash.
  if (path === '/v1/apply-concurrent' || path === '/v1/apply-concurrent/') return 'apply'
  if (path === '/healthz' || path === '/healthz/') return 'health'
  return undefined
}

/**
 * The broker itself as one plain Node handler (no framework on the hot path): routes, Origin
 * check and CORS, security headers, per-client rate limit, upstream throttle, single flight
 * per UserId, JSON errors and one log line per request. `createBroker` wraps it in an Express
 * Router; `startBroker` serves it directly.
 *
 * @example
 * ```ts
 * const handle = createBrokerHandler(config)
 * http.createServer((req, res) => handle(req, res, () => notFound(res)))
 * ```
 */
export function createBrokerHandler(config: BrokerConfig, options: BrokerOptions = {}): BrokerHandler {
  validateBrokerOptions(options)
  const { credentials, endpoint } = config
  // Emulator mode (no credentials): a local emulator is started on first use, as the CLI does.
  if (credentials === undefined || endpoint === undefined) return createEmulatorModeHandler(config, options, createBrokerHandler)
  const log = createBrokerLog(options.logger ?? createJsonLineLogger(config.logLevel), credentials.secrets())
  const client = new CarApiClient({ endpoint, credentials, region: config.region, timeoutMs: options.upstreamTimeoutMs ?? 20_000, agent: options.agent })
  const throttle = new UpstreamThrottle({ perSecond: config.upstreamRps, maxWaitMs: options.upstreamQueueTimeoutMs, maxQueue: options.upstreamQueueLimit })
  const limiter = new ClientRateLimiter(config.rateLimit)
  const applyConcurrent = applyConcurrentRoute({
    projectIds: config.projectIds,
    upstream: new ApplyConcurrentUpstream(client, throttle, log, createTextRedactor(credentials.secrets())),
    authorize: options.authorize,
  })
  const answerHealth = healthz(config.upstream)
  const clientIp = createClientIpResolver(config.trustProxy)

  function serve(route: 'apply' | 'health', req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> | undefined {
    checkOrigin(config.allowedOrigins, req, res)
    const method = req.method
    if (route === 'health') {
      if (method === 'GET' || method === 'HEAD') answerHealth(res)
      else if (method === 'OPTIONS') answerPreflight(['GET', 'HEAD'], req, res)
      else throw methodNotAllowed(method, healthMethods)
      return undefined
    }
    if (method === 'OPTIONS') {
      answerPreflight(['POST'], req, res)
      return undefined
    }
    if (method !== 'POST') throw methodNotAllowed(method, applyMethods)
    takeRateBudget(limiter, context.clientIp ?? 'unknown')
    return applyConcurrent(req, res, context)
  }

  return function handle(req, res, next) {
    const route = routeOf(req.url)
    if (route === undefined) {
      next()
      return
    }
    applySecurityHeaders(res)
    const context = startRequestContext(req, res, log, clientIp(req))
    try {
      serve(route, req, res, context)?.catch((err: unknown) => answerError(log, res, err))
    } catch (err) {
      answerError(log, res, err)
    }
  }
}
