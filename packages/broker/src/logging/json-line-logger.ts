import type { LogLevel } from '../config/broker-config.js'
import type { LogEntry } from './log-entry.js'

const rank: Readonly<Record<LogLevel, number>> = { info: 0, warn: 1, error: 2, silent: 3 }

/**
 * The default logger: one JSON line per entry on stdout (`error` entries on stderr), skipping
 * entries below `level`. It receives entries already redacted by the broker.
 *
 * @example
 * ```ts
 * const log = createJsonLineLogger('warn')
 * log({ time: new Date().toISOString(), level: 'warn', event: 'clock_skew' })
 * ```
 */
export function createJsonLineLogger(level: LogLevel = 'info'): (entry: LogEntry) => void {
  const min = rank[level]
  return (entry) => {
    if (rank[entry.level] < min) return
    const line = `${JSON.stringify(entry)}\n`
    if (entry.level === 'error') process.stderr.write(line)
    else process.stdout.write(line)
  }
}
