/** Severity of a {@link LogEntry}. */
export type LogEntryLevel = 'info' | 'warn' | 'error'

/**
 * One structured log event. The broker passes these to `BrokerOptions.logger` after redaction:
 * values that equal or contain a configured secret, and fields named like secrets
 * (`authorization`, `secretKey`, `token`, …), are replaced by `[REDACTED]`.
 */
export interface LogEntry {
  /** ISO time the event happened. */
  time: string
  level: LogEntryLevel
  /** What happened, e.g. `request`, `upstream_auth_failure`, `clock_skew`, `listening`. */
  event: string
  /** The broker's id for the HTTP request (also sent as the `X-Request-Id` header). */
  requestId?: string
  /** A sentence for the operator. */
  message?: string
  /** Further event fields (status, code, durationMs, upstreamRequestId, …). */
  [field: string]: unknown
}
