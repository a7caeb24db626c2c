// @ts-check
// Benchmark child: carkit's broker, started the way its CLI starts it, in its own process.
import { startBroker } from '@carkit/broker'
import { carkitBrokerEnv, readChildOptions, reportStartFailure, serveParent } from './serve-parent.mjs'

try {
  const broker = await startBroker({ host: '127.0.0.1', port: 0, env: carkitBrokerEnv(readChildOptions()) })
  serveParent({ ready: { url: broker.url }, close: () => broker.close() })
} catch (error) {
  reportStartFailure(error)
}
