import { startEmulator, type Emulator, type StartEmulatorOptions } from '@carkit/emulator'
import { startBroker, type BrokerOptions, type LogEntry, type RunningBroker } from '../../src/index.js'

/** A broker in front of a real emulator, both on 127.0.0.1 port 0, plus the broker's log. */
export interface Stack {
  emu: Emulator
  broker: RunningBroker
  logs: LogEntry[]
  post(body: unknown, headers?: Record<string, string>): Promise<Response>
  close(): Promise<void>
}

/** Starts an emulator and a broker pointed at it with credentials (tencent-mode config, loopback endpoint). */
export async function startStack(options: {
  env?: Record<string, string>
  emulator?: StartEmulatorOptions
  brokerOptions?: BrokerOptions
} = {}): Promise<Stack> {
  const emu = await startEmulator({ capacity: 2, ...options.emulator })
  const logs: LogEntry[] = []
  const broker = await startBroker({
    host: '127.0.0.1',
    port: 0,
    env: {
      CARKIT_SECRET_ID: emu.credentials.secretId,
      CARKIT_SECRET_KEY: emu.credentials.secretKey,
      CARKIT_ENDPOINT: emu.url,
      CARKIT_PROJECT_IDS: 'cap-demo',
      CARKIT_ALLOWED_ORIGINS: 'https://app.example.com',
      CARKIT_RATE_LIMIT: '1000/sec',
      ...options.env,
    },
    brokerOptions: { logger: (entry) => logs.push(entry), ...options.brokerOptions },
  })
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
