// @ts-check
// Benchmark child: carkit's broker as an Express 5 app (createApp), the way an operator mounts it
// in their own server, in its own process.
import { createApp, loadConfig } from '@carkit/broker'
import { carkitBrokerEnv, readChildOptions, reportStartFailure, serveAppToParent } from './serve-parent.mjs'

try {
  await serveAppToParent(createApp(loadConfig(carkitBrokerEnv(readChildOptions()))))
} catch (error) {
  reportStartFailure(error)
}
