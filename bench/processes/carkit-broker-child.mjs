// @ts-check
// Benchmark child: carkit's broker, started the way its CLI starts it, in its own process.
import { startBroker } from '@carkit/broker'
import { readChildOptions, reportStartFailure, serveParent } from './serve-parent.mjs'

try {
  const options = readChildOptions()
  const broker = await startBroker({
    host: '127.0.0.1',
    port: 0,
    env: {
      CARKIT_SECRET_ID: options.secretId,
      CARKIT_SECRET_KEY: options.secretKey,
      CARKIT_ENDPOINT: options.upstreamUrl,
      CARKIT_PROJECT_IDS: options.projectIds.join(','),
      CARKIT_ALLOWED_ORIGINS: options.allowedOrigins ?? '*',
      CARKIT_RATE_LIMIT: options.rateLimit,
      CARKIT_UPSTREAM_RPS: String(options.upstreamRps),
    },
  })
  serveParent({ ready: { url: broker.url }, close: () => broker.close() })
} catch (error) {
  reportStartFailure(error)
}
