import { createHmac } from 'node:crypto'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { SigningKeyCache, deriveTc3SigningKey } from './signing-key-cache.js'

function signWith(key: ReturnType<typeof deriveTc3SigningKey>): string {
  return createHmac('sha256', key).update('string to sign').digest('hex')
}

function plainSigningKey(secretKey: string, date: string, service: string): Buffer {
  const kDate = createHmac('sha256', 'TC3' + secretKey).update(date).digest()
  const kService = createHmac('sha256', kDate).update(service).digest()
  return createHmac('sha256', kService).update('tc3_request').digest()
}

describe('SigningKeyCache', () => {
  it('derives the kDate → kService → kSigning key of the published algorithm', () => {
    const key = deriveTc3SigningKey('secret', '2026-12-03', 'car')
    expect(key.export().equals(plainSigningKey('secret', '2026-12-03', 'car'))).toBe(true)
  })

  it('returns the same key object for the same secret, date and service', () => {
    const cache = new SigningKeyCache(4)
    expect(cache.get('secret', '2026-12-03', 'car')).toBe(cache.get('secret', '2026-12-03', 'car'))
    expect(cache.size).toBe(1)
  })

  it('keeps a separate key per date, service and secret', () => {
    const cache = new SigningKeyCache(8)
    const keys = [
      cache.get('secret', '2026-12-03', 'car'),
      cache.get('secret', '2026-12-04', 'car'),
      cache.get('secret', '2026-12-03', 'cvm'),
      cache.get('other', '2026-12-03', 'car'),
    ]
    expect(new Set(keys.map(signWith)).size).toBe(4)
    expect(cache.size).toBe(4)
  })

  it('never holds more than maxEntries keys and still derives correct keys after eviction', () => {
    const cache = new SigningKeyCache(3)
    for (let day = 1; day <= 28; day++) {
      const date = `2026-02-${String(day).padStart(2, '0')}`
      const key = cache.get('secret', date, 'car')
      expect(key.export().equals(plainSigningKey('secret', date, 'car'))).toBe(true)
      expect(cache.size).toBeLessThanOrEqual(3)
    }
    expect(cache.size).toBe(3)
    expect(cache.get('secret', '2026-02-01', 'car').export().equals(plainSigningKey('secret', '2026-02-01', 'car'))).toBe(true)
  })

  it('forgets every key on clear()', () => {
    const cache = new SigningKeyCache(2)
    cache.get('secret', '2026-12-03', 'car')
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('does not show the secret key or derived key bytes when inspected', () => {
    const cache = new SigningKeyCache(2)
    const key = cache.get('inspect-me-secret', '2026-12-03', 'car')
    expect(inspect(cache, { showHidden: true, depth: 5 })).not.toContain('inspect-me-secret')
    expect(inspect(key)).not.toContain(key.export().toString('hex').slice(0, 16))
  })

  it('rejects a size that is not a positive integer', () => {
    expect(() => new SigningKeyCache(0)).toThrow('`maxEntries`')
  })
})
