import { startBroker } from '@carkit/broker'
import { startEmulator } from '@carkit/emulator'
import type { Emulator } from '@carkit/emulator'

export interface CarkitStackOptions {
  /** Emulator slots per project. @default 2 */
  capacity?: number
  /** Origins the broker accepts (`CARKIT_ALLOWED_ORIGINS`); include `null` for sandboxed frames. */
  allowedOrigins: string[]
}

export interface CarkitStack {
  /** The broker's base URL, `http://127.0.0.1:<port>`. */
  brokerUrl: string
  emulator: Emulator
  /** Every JSON log entry the broker wrote, for failure messages. */
  brokerLog: unknown[]
  close(): Promise<void>
}

/**
 * Starts a CAR emulator and a broker in front of it, both on 127.0.0.1 and free ports, with the
 * same start-up path as production (credentials + endpoint), a generous per-client rate limit
 * (every test browser shares one address) and the broker's log captured instead of printed.
 *
 * @example
 * ```ts
 * const stack = await startCarkitStack({ capacity: 1, allowedOrigins: [site.url] })
 * await page.goto(`${site.url}/?broker=${stack.brokerUrl}`)
 * ```
 */
export async function startCarkitStack(options: CarkitStackOptions): Promise<CarkitStack> {
  const emulator = await startEmulator({ capacity: options.capacity ?? 2 })
  const brokerLog: unknown[] = []
  try {
    const broker = await startBroker({
      host: '127.0.0.1',
      port: 0,
      env: {
        CARKIT_SECRET_ID: emulator.credentials.secretId,
        CARKIT_SECRET_KEY: emulator.credentials.secretKey,
        CARKIT_ENDPOINT: emulator.url,
        CARKIT_PROJECT_IDS: 'cap-demo',
        CARKIT_ALLOWED_ORIGINS: options.allowedOrigins.join(','),
        CARKIT_RATE_LIMIT: '1000/min',
      },
      brokerOptions: { logger: (entry) => brokerLog.push(entry) },
    })
    return {
      brokerUrl: broker.url.replace(/\/+$/, ''),
      emulator,
      brokerLog,
      close: async () => {
        await broker.close()
        await emulator.close()
      },
    }
  } catch (error) {
    await emulator.close()
    throw error
  }
}
