// @ts-check
// Benchmark child: carkit's broker as an Express 5 app (createApp), the way an operator mounts it
// in their own server, in its own process.
import { once } from 'node:events'
import { createApp, loadConfig } from '@carkit/broker'
import { readChildOptions, reportStartFailure, serveParent } from './serve-parent.mjs'

try {
  const options = readChildOptions()
  const app = createApp(
    loadConfig({
      CARKIT_SECRET_ID: options.secretId,
      CARKIT_SECRET_KEY: options.secretKey,
      CARKIT_ENDPOINT: options.upstreamUrl,
      CARKIT_PROJECT_IDS: options.projectIds.join(','),
      CARKIT_ALLOWED_ORIGINS: options.allowedOrigins ?? '*',
      CARKIT_RATE_LIMIT: options.rateLimit,
      CARKIT_UPSTREAM_RPS: String(options.upstreamRps),
    }),
  )
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  serveParent({
    ready: { url: `http://127.0.0.1:${address.port}` },
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  })
} catch (error) {
  reportStartFailure(error)
}
