#!/usr/bin/env node
import { BrokerConfigError } from './config/broker-config-error.js'
import { loadConfig } from './config/load-config.js'
import { bannerLines } from './banner.js'
import { startBroker } from './start-broker.js'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (err) {
    if (err instanceof BrokerConfigError) {
      process.stderr.write(`carkit-broker: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const broker = await startBroker({ config })
  process.stdout.write(bannerLines(config, broker.url, broker.emulator?.url).join('\n') + '\n')
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) {
      process.stderr.write(`carkit-broker: ${signal} again, stopping now without waiting\n`)
      process.exit(1)
    }
    stopping = true
    process.stdout.write(`carkit-broker: ${signal} received, finishing requests in flight (at most 10 s)…\n`)
    broker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`carkit-broker: shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err: unknown) => {
  process.stderr.write(`carkit-broker: could not start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
