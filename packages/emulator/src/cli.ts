#!/usr/bin/env node
import { runCli } from './cli/run-cli.js'

const emulator = await runCli(process.env, (line) => console.log(line)).catch((error: unknown) => {
  console.error(`carkit-emulator: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

let stopping = false
function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  console.log(`carkit-emulator: ${signal} received, closing.`)
  void emulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
