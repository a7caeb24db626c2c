import { startEmulator } from '@carkit/emulator'
import type { BrokerHandler } from './broker-handler.js'
import type { BrokerOptions } from './broker-options.js'
import { attachEmulator } from './config/attach-emulator.js'
import type { BrokerConfig } from './config/broker-config.js'
import { createBrokerLog } from './logging/broker-log.js'
import { createJsonLineLogger } from './logging/json-line-logger.js'

/**
 * The broker for an emulator-mode config (no credentials) mounted with `createBroker`: on the
 * first request it starts `@carkit/emulator` in-process on 127.0.0.1 — as the CLI does — and
 * from then on serves every request through a broker pointed at it. A failed start is passed
 * to the host app's error handling and tried again on the next request.
 *
 * @example
 * ```ts
 * app.use('/car', createBroker(loadConfig({}))) // no credentials: a local emulator answers
 * ```
 */
export function createEmulatorModeHandler(
  config: BrokerConfig,
  options: BrokerOptions,
  build: (config: BrokerConfig, options: BrokerOptions) => BrokerHandler,
): BrokerHandler {
  let ready: Promise<BrokerHandler> | undefined
  const start = async (): Promise<BrokerHandler> => {
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0, capacity: config.emulatorCapacity, projects: [...config.projectIds] })
    createBrokerLog(options.logger ?? createJsonLineLogger(config.logLevel), [])('warn', 'emulator_mode', {
      message: `No Tencent credentials set: using a local CAR emulator at ${emulator.url} (${config.emulatorCapacity} slots per project).`,
    })
    return build(attachEmulator(config, emulator.url, emulator.credentials), options)
  }
  return (req, res, next) => {
    ready ??= start()
    ready.then(
      (handle) => handle(req, res, next),
      (error: unknown) => {
        ready = undefined
        next(error)
      },
    )
  }
}
