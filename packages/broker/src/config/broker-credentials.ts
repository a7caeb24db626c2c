import { inspect } from 'node:util'

const redacted = '[REDACTED]'

/**
 * Tencent Cloud API credentials. The SecretKey and session token live in private fields, so
 * `JSON.stringify`, `util.inspect`, `console.log` and object spreading never show them.
 *
 * @example
 * ```ts
 * const creds = new BrokerCredentials('AKID…', secretKey)
 * JSON.stringify(creds) // '{"secretId":"AKID…(redacted)","secretKey":"[REDACTED]"}'
 * ```
 */
export class BrokerCredentials {
  readonly #secretId: string
  readonly #secretKey: string
  readonly #sessionToken: string | undefined

  constructor(secretId: string, secretKey: string, sessionToken?: string) {
    this.#secretId = secretId
    this.#secretKey = secretKey
    this.#sessionToken = sessionToken
  }

  /** The SecretId (an identifier, but still kept out of logs in full). */
  get secretId(): string {
    return this.#secretId
  }

  /** The SecretKey; read it only to sign. */
  get secretKey(): string {
    return this.#secretKey
  }

  /** The STS session token, sent as `X-TC-Token`, when set. */
  get sessionToken(): string | undefined {
    return this.#sessionToken
  }

  /** Every secret value, for log redaction. */
  secrets(): string[] {
    const values = [this.#secretKey, this.#secretId]
    if (this.#sessionToken !== undefined) values.push(this.#sessionToken)
    return values
  }

  toJSON(): Record<string, string> {
    const shown: Record<string, string> = { secretId: `${this.#secretId.slice(0, 4)}…(redacted)`, secretKey: redacted }
    if (this.#sessionToken !== undefined) shown.sessionToken = redacted
    return shown
  }

  [inspect.custom](): string {
    return `BrokerCredentials ${JSON.stringify(this.toJSON())}`
  }
}
