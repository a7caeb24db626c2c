import http from 'node:http'
import https from 'node:https'
import type { BrokerCredentials } from '../config/broker-credentials.js'
import { isBrokerError } from '../errors/broker-error.js'
import { signTc3 } from '../signing/index.js'
import { parseUpstreamAnswer, upstreamTimeout, upstreamUnavailable, type UpstreamAnswer } from './upstream-answer.js'

/** CAR API version the broker speaks. */
export const carApiVersion = '2022-01-10'

const maxAnswerBytes = 1 << 20

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
    return this.#send(options, payload, Date.now() + this.#timeoutMs, true)
  }

  /** Closes pooled connections of the client's own agent. */
  close(): void {
    this.#ownAgent?.destroy()
  }

  #send(options: http.RequestOptions, payload: string, deadline: number, mayRetry: boolean): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      let settled = false
      let timedOut = false
      const finish = (result: UpstreamAnswer | Error, isError: boolean): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (isError) reject(result)
        else resolve(result as UpstreamAnswer)
      }
      const req = this.#request(options, (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxAnswerBytes) {
            req.destroy()
            finish(upstreamUnavailable('upstream answer larger than 1 MiB'), true)
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          if (res.statusCode !== 200) {
            finish(upstreamUnavailable(`upstream answered HTTP ${res.statusCode ?? 'without a status'}`), true)
            return
          }
          try {
            const text = Buffer.concat(chunks, size).toString('utf8')
            finish(parseUpstreamAnswer(text, res.headers.date), false)
          } catch (err) {
            finish(isBrokerError(err) ? err : upstreamUnavailable('unreadable upstream answer', err), true)
          }
        })
        res.on('error', (err) => finish(timedOut ? upstreamTimeout(this.#timeoutMs) : upstreamUnavailable('upstream answer cut off', err), true))
        res.on('close', () => {
          if (!res.complete) finish(timedOut ? upstreamTimeout(this.#timeoutMs) : upstreamUnavailable('upstream answer cut off'), true)
        })
      })
      const timer = setTimeout(() => {
        timedOut = true
        req.destroy()
        finish(upstreamTimeout(this.#timeoutMs), true)
      }, Math.max(1, deadline - Date.now()))
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (settled) return
        // A pooled connection the server closed while idle: the request never reached it (Node docs' advice).
        if (mayRetry && req.reusedSocket && err.code === 'ECONNRESET') {
          settled = true
          clearTimeout(timer)
          this.#send(options, payload, deadline, false).then(resolve, reject)
          return
        }
        finish(timedOut ? upstreamTimeout(this.#timeoutMs) : upstreamUnavailable(`cannot reach upstream: ${err.code ?? err.message}`, err), true)
      })
      req.end(payload)
    })
  }
}
