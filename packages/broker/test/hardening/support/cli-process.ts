import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI, `carkit-broker`. */
export const cliPath = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url))

/** A `carkit-broker` child process and everything it printed. */
export interface CliChild {
  readonly pid: number
  /** Everything written to stdout so far. */
  stdout(): string
  /** Everything written to stderr so far. */
  stderr(): string
  /** Resolves when `text` has appeared on stdout or stderr; rejects after `timeoutMs`. */
  waitFor(text: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  /** Resolves with the exit code and signal once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal: NodeJS.Signals): void
}

/**
 * Runs `node packages/broker/dist/cli.js` with exactly `env` (plus PATH), capturing its output.
 * The CLI must be built first (`pnpm --filter @carkit/broker build`; `pnpm test` does it).
 *
 * @example
 * ```ts
 * const cli = spawnCli({ CARKIT_PORT: '0' })
 * const [, url] = await cli.waitFor(/listening on (\S+)/)
 * ```
 */
export function spawnCli(env: Record<string, string>): CliChild {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: build the broker first with \`pnpm --filter @carkit/broker build\``)
  const child = spawn(process.execPath, [cliPath], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  const watchers = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    out += text
    for (const watch of watchers) watch()
  })
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    err += text
    for (const watch of watchers) watch()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return {
    pid: child.pid ?? -1,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal) => void child.kill(signal),
    waitFor(text, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = (out + err).match(text)
          if (match === null) return
          watchers.delete(check)
          clearTimeout(timer)
          resolve(match)
        }
        const timer = setTimeout(() => {
          watchers.delete(check)
          reject(new Error(`carkit-broker did not print ${String(text)} within ${timeoutMs} ms; stdout: ${out.slice(-500)} stderr: ${err.slice(-500)}`))
        }, timeoutMs)
        watchers.add(check)
        check()
      })
    },
  }
}
