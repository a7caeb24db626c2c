import type { LogEntry, LogEntryLevel } from './log-entry.js'
import { createRedactor } from './redact.js'

/** Writes one redacted log event. */
export type BrokerLog = (level: LogEntryLevel, event: string, fields?: Record<string, unknown>) => void

/**
 * Wraps a logger so every entry gets a time stamp and passes through redaction of the given
 * secrets first. A throwing logger never breaks a request.
 *
 * @example
 * ```ts
 * const log = createBrokerLog(console.log, [secretKey])
 * log('warn', 'clock_skew', { requestId, skewSec: 412 })
 * ```
 */
export function createBrokerLog(logger: (entry: LogEntry) => void, secrets: readonly string[]): BrokerLog {
  const redact = createRedactor(secrets)
  return (level, event, fields) => {
    try {
      logger(redact({ time: new Date().toISOString(), level, event, ...fields }))
    } catch {
      // A broken log sink must not turn a granted request into an error.
    }
  }
}
