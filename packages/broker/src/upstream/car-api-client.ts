import http from 'node:http'
import https from 'node:https'
import type { BrokerCredentials } from '../config/broker-credentials.js'
import { signTc3 } from '../signing/index.js'
import { postUpstream } from './post-upstream.js'
import type { UpstreamAnswer } from './upstream-answer.js'

/** CAR API version the broker speaks. */
export const carApiVersion = '2022-01-10'

/** Options of {@link CarApiClient}. */
export interface CarApiClientOptions {
  /** Endpoint origin, e.g. `https://car.intl.tencentcloudapi.com` or an emulator's `http://127.0.0.1:PORT`. */
  endpoint: string
  credentials: BrokerCredentials
  /** Sent as `X-TC-Region` when set. */
  region?: string | undefined
  /** Whole exchange, connect to last byte. */
  timeoutMs: number
  /** Connection pool; a keep-alive agent owned by the client when omitted. */
  agent?: http.Agent | undefined
}

/**
 * Signed calls to the CAR API 3.0 endpoint over keep-alive connections. Signs with service
 * `car` whatever the host (so a loopback emulator works), the `Host` it actually sends
 * (`host:port` for a non-default port) and `content-type;host`; the signed payload is exactly
 * the bytes sent. Transport failures become `Broker.UpstreamUnavailable` / `Broker.UpstreamTimeout`.
 *
 * @example
 * ```ts
 * const client = new CarApiClient({ endpoint, credentials, timeoutMs: 20_000 })
 * const answer = await client.call('ApplyConcurrent', { UserId: 'u1', UserIp: '203.0.113.7', ProjectId: 'cap-demo' })
 * ```
 */
export class CarApiClient {
  readonly #credentials: BrokerCredentials
  readonly #region: string | undefined
  readonly #timeoutMs: number
  readonly #host: string
  readonly #request: typeof http.request
  readonly #target: http.RequestOptions
  readonly #ownAgent: http.Agent | undefined

  constructor(options: CarApiClientOptions) {
    const url = new URL(options.endpoint)
    const secure = url.protocol === 'https:'
    this.#ownAgent =
      options.agent === undefined
        ? new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256 })
        : undefined
    this.#credentials = options.credentials
    this.#region = options.region
    this.#timeoutMs = options.timeoutMs
    this.#host = url.host
    this.#request = secure ? https.request : http.request
    this.#target = {
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      method: 'POST',
      path: '/',
      agent: options.agent ?? this.#ownAgent,
    }
  }

  /** Calls one action with the given parameters; resolves with the parsed answer (success or upstream error code). */
  call(action: string, params: object): Promise<UpstreamAnswer> {
    const payload = JSON.stringify(params)
    const credentials = this.#credentials
    const { headers } = signTc3({
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      host: this.#host,
      service: 'car',
      action,
      version: carApiVersion,
      timestamp: Math.floor(Date.now() / 1000),
      payload,
      region: this.#region,
      token: credentials.sessionToken,
    })
    const options: http.RequestOptions = {
      ...this.#target,
      headers: { ...headers, 'Content-Length': Buffer.byteLength(payload) },
    }
    return postUpstream({ request: this.#request, options, payload, timeoutMs: this.#timeoutMs })
  }

  /** Closes pooled connections of the client's own agent. */
  close(): void {
    this.#ownAgent?.destroy()
  }
}
