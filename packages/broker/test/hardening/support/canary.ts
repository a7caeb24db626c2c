import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'

/** Unique secret values for one test run, and the distinctive parts to look for. */
export interface Canary {
  secretId: string
  secretKey: string
  sessionToken: string
  /** The random part of each value: found anywhere, even cut out of its value, it is a leak. */
  needles: readonly string[]
}

/**
 * Makes fresh secrets whose random parts appear nowhere else, so finding one in a response,
 * a log line or a file proves it leaked from the broker.
 *
 * @example
 * ```ts
 * const canary = makeCanary()
 * expectNoCanary(canary, 'responses', captured.join('\n'))
 * ```
 */
export function makeCanary(): Canary {
  const id = randomBytes(12).toString('hex')
  const key = randomBytes(16).toString('hex')
  const token = randomBytes(16).toString('hex')
  return {
    secretId: `AKIDcanary${id}`,
    secretKey: `canarykey${key}`,
    sessionToken: `canarytoken${token}`,
    // Halves as well: a truncated secret in a message is still a leak.
    needles: [id, key, token, key.slice(0, 16), key.slice(16), token.slice(0, 16), token.slice(16), id.slice(0, 12), id.slice(12)],
  }
}

/**
 * Asserts that no part of the canary occurs in `text`, naming where it was found.
 *
 * @example
 * ```ts
 * expectNoCanary(canary, 'CLI stdout', cli.stdout())
 * ```
 */
export function expectNoCanary(canary: Canary, where: string, text: string): void {
  for (const needle of canary.needles) {
    const at = text.indexOf(needle)
    expect(at, `a secret leaked into ${where}: …${text.slice(Math.max(0, at - 80), at + 40)}…`).toBe(-1)
  }
}
