import { startEmulator, type Emulator, type StartEmulatorOptions } from '@carkit/emulator'
import type { BrokerOptions, LogEntry, RunningBroker } from '../../src/index.js'
import { startBrokerAt } from './start-broker-at.js'

/** A broker in front of a real emulator, both on 127.0.0.1 port 0, plus the broker's log. */
export interface Stack {
  emu: Emulator
  broker: RunningBroker
  /** Every entry the broker logged; collected in memory, so the broker writes nothing to stdout. */
  logs: LogEntry[]
  post(body: unknown, headers?: Record<string, string>): Promise<Response>
  close(): Promise<void>
}

/** What to change from the default stack. */
export interface StackOptions {
  /**
   * Variables laid over the default environment (the emulator's credentials and URL, `CARKIT_PROJECT_IDS=cap-demo`,
   * `CARKIT_ALLOWED_ORIGINS=https://app.example.com`, `CARKIT_RATE_LIMIT=1000/sec`). A variable set to `undefined` is left unset,
   * e.g. `{ CARKIT_ALLOWED_ORIGINS: undefined }` for a broker with no Origin allow-list.
   */
  env?: Record<string, string | undefined>
  /** Emulator options. @default { capacity: 2 } */
  emulator?: StartEmulatorOptions
  /** Broker options; a `logger` given here replaces the one that fills `logs`. */
  brokerOptions?: BrokerOptions
}

/**
 * Starts an emulator and a broker pointed at it with credentials (tencent-mode config, loopback endpoint).
 *
 * @example
 * const stack = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: undefined }, emulator: { capacity: 5 } })
 * try {
 *   expect((await stack.post({ userId: 'u1' })).status).toBe(200)
 * } finally {
 *   await stack.close()
 * }
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emu = await startEmulator({ capacity: 2, ...options.emulator })
  const logs: LogEntry[] = []
  let broker: RunningBroker
  try {
    broker = await startBrokerAt(emu.url, emu.credentials, {
      env: { CARKIT_ALLOWED_ORIGINS: 'https://app.example.com', CARKIT_RATE_LIMIT: '1000/sec', ...options.env },
      brokerOptions: { logger: (entry) => logs.push(entry), ...options.brokerOptions },
    })
  } catch (error) {
    await emu.close()
    throw error
  }
  return {
    emu,
    broker,
    logs,
    post: (body, headers = {}) =>
      fetch(`${broker.url}/v1/apply-concurrent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await broker.close()
      await emu.close()
    },
  }
}
