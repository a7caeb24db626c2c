import { startBroker, type BrokerOptions, type RunningBroker } from '../../src/index.js'

/** The SecretId and SecretKey the broker signs with. */
export interface TestCredentials {
  secretId: string
  secretKey: string
}

/** What to add to a broker started by {@link startBrokerAt}. */
export interface BrokerAtOptions {
  /** Variables laid over `CARKIT_SECRET_ID`, `CARKIT_SECRET_KEY`, `CARKIT_ENDPOINT` and `CARKIT_PROJECT_IDS=cap-demo`; `undefined` leaves one unset. */
  env?: Record<string, string | undefined>
  /** Broker options. @default { logger: () => {} } (a silent broker) */
  brokerOptions?: BrokerOptions
}

/**
 * Starts a tencent-mode broker on 127.0.0.1 port 0 that signs with `credentials` and calls `endpoint`
 * (an emulator, a fake upstream or a port nothing listens on).
 *
 * @example
 * const upstream = await startFakeUpstream((_req, res) => res.writeHead(500).end())
 * const broker = await startBrokerAt(upstream.url, { secretId: 'AKIDtest', secretKey: 'test-secret-key' })
 * try {
 *   expect((await fetch(`${broker.url}/healthz`)).status).toBe(200)
 * } finally {
 *   await broker.close()
 *   await upstream.close()
 * }
 */
export function startBrokerAt(endpoint: string, credentials: TestCredentials, options: BrokerAtOptions = {}): Promise<RunningBroker> {
  return startBroker({
    host: '127.0.0.1',
    port: 0,
    env: {
      CARKIT_SECRET_ID: credentials.secretId,
      CARKIT_SECRET_KEY: credentials.secretKey,
      CARKIT_ENDPOINT: endpoint,
      CARKIT_PROJECT_IDS: 'cap-demo',
      ...options.env,
    },
    brokerOptions: { logger: () => {}, ...options.brokerOptions },
  })
}
