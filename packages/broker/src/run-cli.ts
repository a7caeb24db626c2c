import { bannerLines } from './banner.js'
import { BrokerConfigError } from './config/broker-config-error.js'
import { loadConfig } from './config/load-config.js'
import { startBroker, type RunningBroker } from './start-broker.js'

/** The process facilities the CLI uses, injectable for tests. */
export interface CliProcess {
  env: Readonly<Record<string, string | undefined>>
  stdout: (text: string) => void
  stderr: (text: string) => void
  exit: (code: number) => void
  onSignal: (signal: 'SIGTERM' | 'SIGINT', handler: () => void) => void
}

/**
 * What `carkit-broker` does: load the config (a bad value → one line on stderr, exit 1), start
 * the broker (emulator mode without credentials), print the banner, and on SIGTERM/SIGINT stop
 * accepting, finish requests in flight (bounded) and exit 0; a second signal exits 1 at once.
 * Resolves with the running broker, or `undefined` when it could not start.
 *
 * @example
 * ```ts
 * await runCli({
 *   env: process.env,
 *   stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t),
 *   exit: (code) => process.exit(code), onSignal: (s, h) => process.on(s, h),
 * })
 * ```
 */
export async function runCli(proc: CliProcess): Promise<RunningBroker | undefined> {
  let broker: RunningBroker
  try {
    const config = loadConfig(proc.env)
    broker = await startBroker({ config })
    proc.stdout(bannerLines(config, broker.url, broker.emulator?.url).join('\n') + '\n')
  } catch (err) {
    const reason = err instanceof BrokerConfigError ? err.message : `could not start: ${err instanceof Error ? err.message : String(err)}`
    proc.stderr(`carkit-broker: ${reason}\n`)
    proc.exit(1)
    return undefined
  }
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) {
      proc.stderr(`carkit-broker: ${signal} again, stopping now without waiting\n`)
      proc.exit(1)
      return
    }
    stopping = true
    proc.stdout(`carkit-broker: ${signal} received, finishing requests in flight (at most 10 s)…\n`)
    broker.close().then(
      () => proc.exit(0),
      (err: unknown) => {
        proc.stderr(`carkit-broker: shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`)
        proc.exit(1)
      },
    )
  }
  proc.onSignal('SIGTERM', () => stop('SIGTERM'))
  proc.onSignal('SIGINT', () => stop('SIGINT'))
  return broker
}
