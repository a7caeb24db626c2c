import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { startEmulator, type Emulator, type StartEmulatorOptions } from '@carkit/emulator'
import { answerClientError, answerConnect, refuseMissingHost } from './answer-client-error.js'
import { validateBrokerOptions, type BrokerOptions } from './broker-options.js'
import { attachEmulator } from './config/attach-emulator.js'
import type { BrokerConfig, UpstreamKind } from './config/broker-config.js'
import { loadConfig } from './config/load-config.js'
import { createBrokerHandler } from './broker-handler.js'
import { appAround } from './create-app.js'

/** Options of {@link startBroker}. */
export interface StartBrokerOptions {
  /** Environment to read with `loadConfig` when `config` is not given. @default process.env */
  env?: Readonly<Record<string, string | undefined>>
  /** A ready config (wins over `env`). */
  config?: BrokerConfig
  /** Passed to `createApp`. */
  brokerOptions?: BrokerOptions
  /** Listen address. @default CARKIT_HOST (127.0.0.1) */
  host?: string
  /** Listen port; 0 = any free port. @default CARKIT_PORT (8787) */
  port?: number
  /** Emulator mode only: options for the in-process emulator (capacity and projects come from the config unless given here). */
  emulator?: StartEmulatorOptions
  /** Longest `close()` waits for requests in flight before cutting connections. @default 10_000 */
  shutdownTimeoutMs?: number
}

/** A listening broker, returned by {@link startBroker}. */
export interface RunningBroker {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string
  readonly upstream: UpstreamKind
  /** The in-process emulator (emulator mode only). */
  readonly emulator?: Emulator
  readonly server: http.Server
  /** Stops accepting, lets requests in flight finish (bounded), then closes the emulator. */
  close(): Promise<void>
}

function listen(server: http.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

function closeGracefully(server: http.Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections that finish their request become idle; close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 50)
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs)
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}

/**
 * Starts the broker on its own HTTP server (what the `carkit-broker` CLI runs). Without
 * credentials (emulator mode) it first starts `@carkit/emulator` in-process on 127.0.0.1 with
 * `CARKIT_EMULATOR_CAPACITY` slots and points the broker at it; with credentials it never does.
 *
 * @example
 * ```ts
 * const broker = await startBroker({ host: '127.0.0.1', port: 0, env: {} }) // emulator mode
 * const res = await fetch(`${broker.url}/v1/apply-concurrent`, {
 *   method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u1"}',
 * })
 * await broker.close()
 * ```
 */
export async function startBroker(options: StartBrokerOptions = {}): Promise<RunningBroker> {
  const base = options.config ?? loadConfig(options.env ?? process.env)
  // Bad options fail before anything is started, so nothing is left running.
  validateBrokerOptions(options.brokerOptions ?? {})
  let emulator: Emulator | undefined
  let config = base
  if (base.credentials === undefined || base.endpoint === undefined) {
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      capacity: base.emulatorCapacity,
      projects: [...base.projectIds],
      ...options.emulator,
    })
    config = attachEmulator(base, emulator.url, emulator.credentials)
  }
  const secure = (config.endpoint as string).startsWith('https:')
  const agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256 })
  const brokerOptions: BrokerOptions = { agent, ...options.brokerOptions }
  const handle = createBrokerHandler(config, brokerOptions)
  const app = appAround(handle, config, brokerOptions)
  // `authorize` receives an express.Request, so with a hook every request goes through Express;
  // without one, the broker's routes skip Express (about 100 µs of CPU per request) and
  // anything else (404s) still does.
  const viaExpress = brokerOptions.authorize !== undefined
  let draining = false
  const listener: http.RequestListener = (req, res) => {
    if (refuseMissingHost(req, res)) return
    // While draining, answer in-flight and late requests but close their connections after.
    if (draining) res.shouldKeepAlive = false
    if (viaExpress) app(req, res)
    else handle(req, res, () => app(req, res))
  }
  // Node's own answers to these have no JSON body (or none at all): the broker answers them itself.
  const server = http.createServer({ requireHostHeader: false }, listener)
  // An Expect other than 100-continue may be ignored (RFC 9110 §10.1.1) instead of Node's bare 417.
  server.on('checkExpectation', listener)
  server.on('connect', answerConnect)
  // A client has this long to send its (at most 4 KiB) request; slow senders do not hold sockets forever.
  server.headersTimeout = 10_000
  server.requestTimeout = 15_000
  server.on('clientError', answerClientError)
  let address: AddressInfo
  try {
    address = await listen(server, options.host ?? config.host, options.port ?? config.port)
  } catch (err) {
    agent.destroy()
    await emulator?.close()
    throw err
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${address.port}`,
    upstream: config.upstream,
    ...(emulator === undefined ? {} : { emulator }),
    server,
    close() {
      draining = true
      closing ??= (async () => {
        await closeGracefully(server, options.shutdownTimeoutMs ?? 10_000)
        agent.destroy()
        await emulator?.close()
      })()
      return closing
    },
  }
}
