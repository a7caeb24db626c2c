/**
 * Thrown by {@link loadConfig} for a bad environment value. The message is one line that names
 * the variable and says what to write instead; it never contains a secret.
 *
 * @example
 * ```ts
 * try { loadConfig(process.env) } catch (err) {
 *   if (err instanceof BrokerConfigError) { console.error(err.message); process.exit(1) }
 *   throw err
 * }
 * ```
 */
export class BrokerConfigError extends Error {
  override readonly name = 'BrokerConfigError'
  readonly code = 'Broker.InvalidConfig'
  /** The environment variable at fault, e.g. `CARKIT_PORT`. */
  readonly variable: string

  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`.replace(/[\r\n]+/g, ' '))
    this.variable = variable
  }
}
