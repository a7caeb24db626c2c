// @ts-check
// Benchmark child: the CAR emulator in its own process, options from the parent.
import { startEmulator } from '@carkit/emulator'
import { readChildOptions, reportStartFailure, serveParent } from './serve-parent.mjs'

try {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...readChildOptions() })
  serveParent({
    ready: { url: emulator.url, credentials: emulator.credentials },
    close: () => emulator.close(),
  })
} catch (error) {
  reportStartFailure(error)
}
