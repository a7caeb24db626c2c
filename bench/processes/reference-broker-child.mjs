// @ts-check
// Benchmark child: the reference broker (Express 5 + official SDK CommonClient) in its own process.
import { createOfficialCarClient } from '../reference-broker/official-car-client.mjs'
import { createReferenceApp } from '../reference-broker/create-reference-app.mjs'
import { readChildOptions, reportStartFailure, serveAppToParent } from './serve-parent.mjs'

try {
  const options = readChildOptions()
  const { client, agent } = createOfficialCarClient({
    upstreamUrl: options.upstreamUrl,
    secretId: options.secretId,
    secretKey: options.secretKey,
  })
  await serveAppToParent(createReferenceApp({ client, projectIds: options.projectIds }), () => agent.destroy())
} catch (error) {
  reportStartFailure(error)
}
