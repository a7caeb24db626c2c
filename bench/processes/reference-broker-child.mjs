// @ts-check
// Benchmark child: the reference broker (Express 5 + official SDK CommonClient) in its own process.
import { once } from 'node:events'
import { createOfficialCarClient } from '../reference-broker/official-car-client.mjs'
import { createReferenceApp } from '../reference-broker/create-reference-app.mjs'
import { readChildOptions, reportStartFailure, serveParent } from './serve-parent.mjs'

try {
  const options = readChildOptions()
  const { client, agent } = createOfficialCarClient({
    upstreamUrl: options.upstreamUrl,
    secretId: options.secretId,
    secretKey: options.secretKey,
  })
  const server = createReferenceApp({ client, projectIds: options.projectIds }).listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  serveParent({
    ready: { url: `http://127.0.0.1:${address.port}` },
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      agent.destroy()
    },
  })
} catch (error) {
  reportStartFailure(error)
}
