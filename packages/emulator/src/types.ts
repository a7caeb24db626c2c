/** The API key pair the emulator accepts, shaped like a Tencent Cloud SecretId/SecretKey. */
export interface EmulatorCredentials {
  /** SecretId, sent in clear in the `Authorization` header's `Credential=` part. */
  secretId: string
  /** SecretKey, used only to derive the TC3 signing key; never sent or logged. */
  secretKey: string
}

/** Options of {@link startEmulator}. Every field is optional. */
export interface StartEmulatorOptions {
  /** Address to listen on. @default '127.0.0.1' */
  host?: string
  /** Port to listen on; `0` picks any free port. @default 0 */
  port?: number
  /** Concurrency slots per project. @default 2 */
  capacity?: number
  /** ProjectIds the emulator knows; any other ProjectId is `InvalidParameterValue`. @default ['cap-demo'] */
  projects?: string[]
  /** The one key pair accepted. @default a random `AKID…` pair generated at start-up */
  credentials?: EmulatorCredentials
  /** How long an `ApplyConcurrent` lock waits for `CreateSession` before it expires. @default 30_000 */
  lockTtlMs?: number
  /** Calls per second per action (fixed 1 s windows) before `RequestLimitExceeded`. `DescribeConcurrentCount` gets a fifth of it, as Tencent documents 20/s against 100/s. @default 100 */
  rateLimitPerSecond?: number
  /** Delay added before every answer, in milliseconds. @default 0 */
  latencyMs?: number
  /** Largest accepted `|X-TC-Timestamp − now|` in seconds before `AuthFailure.SignatureExpire`. @default 300 */
  clockSkewToleranceSec?: number
  /** When set, every request must carry this `X-TC-Token` (an STS session token), otherwise `AuthFailure.TokenFailure`. @default undefined (X-TC-Token is ignored) */
  sessionToken?: string
  /** Largest accepted request body in bytes before `RequestSizeLimitExceeded`. @default 1_048_576 */
  maxBodyBytes?: number
  /** How many entries {@link Emulator.calls} keeps (oldest dropped first). @default 10_000 */
  callLogSize?: number
}

/** One request as the emulator saw it, in {@link Emulator.calls}. */
export interface EmulatorCall {
  /** The `X-TC-Action` header as received (empty when absent). */
  action: string
  /** When the request arrived, `Date.now()` milliseconds. */
  at: number
  /** `'OK'` or the error code answered. */
  code: string
  /** `UserId` from the body, when it was a string. */
  userId?: string
  /** `ProjectId` from the body, when it was a string. */
  projectId?: string
  /** `UserIp` from the body, when it was a string. */
  userIp?: string
}

/** State of one occupied slot in {@link Emulator.snapshot}. */
export interface EmulatorSlot {
  userId: string
  /** `locked`: ApplyConcurrent succeeded, CreateSession not yet called. `running`: a session exists. */
  state: 'locked' | 'running'
  /** For `locked` slots: when the lock expires (`Date.now()` milliseconds). */
  expiresAt?: number
}

/** Quota state returned by {@link Emulator.snapshot}. */
export interface EmulatorSnapshot {
  projects: Record<string, { capacity: number; slots: EmulatorSlot[] }>
}

/** Options of {@link Emulator.failNext}. */
export interface FailNextOptions {
  /** How many matching calls fail. @default 1 */
  times?: number
  /** The error message answered. @default a message saying the error was injected */
  message?: string
}

/** A running emulator, returned by {@link startEmulator}. */
export interface Emulator {
  /** Base URL, e.g. `'http://127.0.0.1:41234'`. */
  readonly url: string
  /** The key pair the emulator accepts. */
  readonly credentials: EmulatorCredentials
  /** The next `times` (default 1) calls of `action` (`'*'` = any action) answer with this error code, after the signature checks. */
  failNext(action: string, code: string, options?: FailNextOptions): void
  /** Changes the delay added before every answer. */
  setLatency(ms: number): void
  /** Changes slots per project; slots already held above the new capacity stay until freed. */
  setCapacity(capacity: number): void
  /** Same effect as `DestroySession(UserId)`: frees that user's slot. Returns whether it held one. */
  release(userId: string): boolean
  /** Current quota state of every project. */
  snapshot(): EmulatorSnapshot
  /** Every request received, oldest first (bounded by `callLogSize`). */
  readonly calls: ReadonlyArray<EmulatorCall>
  /** Empties {@link Emulator.calls}. */
  resetCalls(): void
  /** Stops listening and closes open sockets promptly. */
  close(): Promise<void>
}
