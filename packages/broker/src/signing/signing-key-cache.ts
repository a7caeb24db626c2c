import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto'

/**
 * Derives the TC3 signing key: kDate = HMAC("TC3" + SecretKey, date),
 * kService = HMAC(kDate, service), kSigning = HMAC(kService, "tc3_request").
 *
 * @example
 * ```ts
 * const key = deriveTc3SigningKey(secretKey, '2019-02-25', 'cvm')
 * createHmac('sha256', key).update(stringToSign).digest('hex')
 * ```
 */
export function deriveTc3SigningKey(secretKey: string, date: string, service: string): KeyObject {
  const kDate = createHmac('sha256', 'TC3' + secretKey).update(date).digest()
  const kService = createHmac('sha256', kDate).update(service).digest()
  const kSigning = createHmac('sha256', kService).update('tc3_request').digest()
  // The KeyObject copies the bytes; wipe the intermediates so no derived key lingers in the heap.
  const key = createSecretKey(kSigning)
  kDate.fill(0)
  kService.fill(0)
  kSigning.fill(0)
  return key
}

/**
 * A small, bounded cache of derived TC3 signing keys, one per
 * (SecretKey, date, service). A hit saves the four HMACs of the derivation, so a
 * signature costs one HMAC plus SHA-256 digests.
 *
 * Entries are keyed by a SHA-256 fingerprint of the three values, never by the
 * SecretKey itself, and the keys are held as `KeyObject`s (which print as
 * `SecretKeyObject { type: 'secret' }`, not as bytes). When full, the oldest entry
 * is dropped, so keys for past dates age out as the date changes.
 *
 * @example
 * ```ts
 * const cache = new SigningKeyCache(8)
 * const key = cache.get(secretKey, '2026-12-03', 'car') // derived once, then reused
 * ```
 */
export class SigningKeyCache {
  readonly #maxEntries: number
  readonly #entries = new Map<string, KeyObject>()

  /** @param maxEntries - how many derived keys to keep (at least 1). */
  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('`maxEntries` must be a positive integer.')
    }
    this.#maxEntries = maxEntries
  }

  /** How many derived keys are held right now (never more than `maxEntries`). */
  get size(): number {
    return this.#entries.size
  }

  /**
   * The signing key for (secretKey, date, service), derived on a miss.
   *
   * @example
   * ```ts
   * const key = cache.get(secretKey, '2026-12-03', 'car')
   * ```
   */
  get(secretKey: string, date: string, service: string): KeyObject {
    // '\n' cannot occur in a date or a service name, so the three parts cannot blur together.
    const fingerprint = hash('sha256', date + '\n' + service + '\n' + secretKey, 'base64')
    const cached = this.#entries.get(fingerprint)
    if (cached !== undefined) return cached

    const key = deriveTc3SigningKey(secretKey, date, service)
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next()
      if (oldest.done !== true) this.#entries.delete(oldest.value)
    }
    this.#entries.set(fingerprint, key)
    return key
  }

  /**
   * Forgets every derived key, e.g. after the SecretKey was rotated.
   *
   * @example
   * ```ts
   * cache.clear()
   * ```
   */
  clear(): void {
    this.#entries.clear()
  }
}
