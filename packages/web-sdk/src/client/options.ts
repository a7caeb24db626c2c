import type { StorageOption } from '../storage/user-id-store.js'

/** Extra request headers for the broker, or a (possibly async) function returning them, called before every attempt. */
export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)

/** How transient failures (network, timeout, 429, 502, 503, 504) are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 3 */
  limit?: number
  /** Upper bound of the first backoff delay; it doubles on every retry (full jitter). @default 500 */
  delayMs?: number
  /** Cap of any delay, also of the broker's `Retry-After`. @default 10000 */
  maxDelayMs?: number
}

/** Options of {@link createCarClient}. Only `brokerUrl` is required. */
export interface CarClientOptions {
  /** Base URL of the broker, absolute, e.g. `'https://app.example.com/car'`. */
  brokerUrl: string
  /** CAR project; the broker's default project when omitted. @default undefined */
  projectId?: string
  /** CAR application. @default undefined */
  applicationId?: string
  /** CAR application version. @default undefined */
  applicationVersionId?: string
  /** Your own UserId (1–64 of `A–Z a–z 0–9 _ -`); storage is then not used at all. @default a persistent nanoid */
  userId?: string
  /** Where the generated UserId is kept. @default 'local' */
  storage?: StorageOption
  /** Storage key of the UserId. @default 'carkit:user-id' */
  storageKey?: string
  /** Headers sent to the broker (e.g. `Authorization`). @default {} */
  headers?: HeadersOption
  /** `fetch` credentials mode of the broker call; `'include'` sends cookies cross-origin. @default 'same-origin' */
  credentials?: RequestCredentials
  /** Timeout of each HTTP attempt. @default 25000 */
  timeoutMs?: number
  /** Retries of transient failures; `false` disables them. @default { limit: 3, delayMs: 500, maxDelayMs: 10000 } */
  retry?: RetryOptions | false
  /** A custom `fetch`, e.g. to add tracing. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
}

/** Options of one `applyConcurrent()` call. */
export interface ApplyConcurrentOptions {
  /** Cancels the call (rejects with `Client.Aborted`). @default undefined */
  signal?: AbortSignal
  /** On `ResourceNotFound.NoIdle` / `ResourceUnavailable.Initialization`, keep trying instead of failing. @default true */
  waitForIdle?: boolean
  /** How long to keep waiting for idle quota, counted from the call's start. @default 120000 */
  maxWaitMs?: number
  /** Overrides the client's `projectId` for this call. @default the client's `projectId` */
  projectId?: string
  /** Overrides the client's `applicationId` for this call. @default the client's `applicationId` */
  applicationId?: string
  /** Overrides the client's `applicationVersionId` for this call. @default the client's `applicationVersionId` */
  applicationVersionId?: string
}
