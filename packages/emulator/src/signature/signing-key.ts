import { createHmac } from 'node:crypto'

/**
 * Derives TC3 signing keys (`kSigning = HMAC(HMAC(HMAC("TC3"+key, date), service), "tc3_request")`)
 * and caches them per (date, service), so verifying a request costs two hashes and one HMAC.
 *
 * @example
 * const keys = new SigningKeyCache('secret-key')
 * const kSigning = keys.get('2026-12-03', 'car')
 */
export class SigningKeyCache {
  readonly #secretKey: string
  readonly #keys = new Map<string, Buffer>()

  constructor(secretKey: string) {
    this.#secretKey = secretKey
  }

  /** The signing key for a credential scope date (`YYYY-MM-DD`) and service. */
  get(date: string, service: string): Buffer {
    const scope = `${date}/${service}`
    let key = this.#keys.get(scope)
    if (key === undefined) {
      const kDate = createHmac('sha256', `TC3${this.#secretKey}`).update(date).digest()
      const kService = createHmac('sha256', kDate).update(service).digest()
      key = createHmac('sha256', kService).update('tc3_request').digest()
      // Only a few dates are ever valid at once (now ± the skew tolerance); keep the map tiny.
      if (this.#keys.size >= 8) this.#keys.clear()
      this.#keys.set(scope, key)
    }
    return key
  }
}
