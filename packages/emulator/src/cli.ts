#!/usr/bin/env node
import { readCliConfig } from './cli/read-cli-config.js'
import { startEmulator } from './start-emulator.js'

// `carkit-emulator`: a local CAR API 3.0 endpoint. Printing the generated demo credentials is the
// point: they exist only in this process and are what a local broker or script signs with.
let config
try {
  config = readCliConfig(process.env)
} catch (error) {
  console.error(`carkit-emulator: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const emulator = await startEmulator(config).catch((error: unknown) => {
  console.error(`carkit-emulator: cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
console.log(`carkit-emulator: CAR API 3.0 emulator listening at ${emulator.url}`)
console.log(`  projects: ${config.projects.join(', ')} (capacity ${config.capacity} each)`)
console.log(`  demo SecretId:  ${emulator.credentials.secretId}`)
console.log(`  demo SecretKey: ${emulator.credentials.secretKey}`)
console.log('  Press Ctrl+C to stop.')

let stopping = false
function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  console.log(`carkit-emulator: ${signal} received, closing.`)
  void emulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
