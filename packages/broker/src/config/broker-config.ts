import type { BrokerCredentials } from './broker-credentials.js'

/** Where the broker sends `ApplyConcurrent`. */
export type UpstreamKind = 'emulator' | 'tencent'

/** Express `trust proxy` value: `false`, `true`, a hop count, or addresses/subnets/names like `loopback`. */
export type TrustProxy = boolean | number | readonly string[]

/** Which browser origins may call the broker (the `Origin` check and CORS). */
export interface AllowedOrigins {
  /** `*` was written: every origin is allowed (never with credentials). */
  readonly any: boolean
  /** Exact origins, e.g. `https://app.example.com`. */
  readonly exact: readonly string[]
  /** Origin patterns with any port, written `http://localhost:*`. */
  readonly anyPort: readonly string[]
  /** `null` was written: opaque origins (sandboxed iframes, `file:`) are allowed. */
  readonly allowNull: boolean
}

/** Per-client request budget: `limit` requests per `windowMs`. */
export interface RateLimit {
  readonly limit: number
  readonly windowMs: number
}

/** How much the broker writes to its log. */
export type LogLevel = 'info' | 'warn' | 'error' | 'silent'

/**
 * The broker's validated configuration (see {@link loadConfig}). In emulator mode `credentials`
 * and `endpoint` stay unset until an emulator is attached (`startBroker` does it).
 */
export interface BrokerConfig {
  /** `tencent` when credentials are set, otherwise `emulator`. */
  readonly upstream: UpstreamKind
  /** API credentials; secrets are hidden from JSON and `util.inspect`. */
  readonly credentials: BrokerCredentials | undefined
  /** Upstream API 3.0 endpoint origin, e.g. `https://car.intl.tencentcloudapi.com`. */
  readonly endpoint: string | undefined
  /** Sent as `X-TC-Region` when set. */
  readonly region: string | undefined
  /** Allowed ProjectIds; the first is the default. */
  readonly projectIds: readonly string[]
  readonly allowedOrigins: AllowedOrigins
  readonly trustProxy: TrustProxy
  readonly rateLimit: RateLimit
  /** Ceiling on `ApplyConcurrent` calls in any one-second window. */
  readonly upstreamRps: number
  /** Listen address (CLI and `startBroker`). */
  readonly host: string
  readonly port: number
  /** Emulator mode only: slots per project. */
  readonly emulatorCapacity: number
  readonly logLevel: LogLevel
}
