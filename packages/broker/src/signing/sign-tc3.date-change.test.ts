import { describe, expect, it } from 'vitest'
import { officialSign3 } from '../test-support/official-sign3.js'
import { signTc3 } from './sign-tc3.js'


const secretId = 'AKIDdatechange'
const secretKey = 'date-change-secret'
const payload = '{"UserId":"u1","UserIp":"203.0.113.7","ProjectId":"cap-demo"}'

function sign(timestamp: number) {
  return signTc3({
    secretId,
    secretKey,
    host: 'car.intl.tencentcloudapi.com',
    action: 'ApplyConcurrent',
    version: '2022-01-10',
    timestamp,
    payload,
  })
}

function official(timestamp: number): string {
  return officialSign3({
    url: 'https://car.intl.tencentcloudapi.com/',
    payload: Buffer.from(payload),
    timestamp,
    service: 'car',
    secretId,
    secretKey,
    headers: { 'Content-Type': 'application/json' },
  })
}

describe('signTc3 signing-key cache across a UTC date change', () => {
  it("uses the new date's key for the first request after UTC midnight", () => {
    const midnight = Date.UTC(2026, 11, 3) / 1000
    const before = sign(midnight - 1) // caches the 2026-12-02 key
    const again = sign(midnight - 1) // served from the cache
    const after = sign(midnight) // must not reuse the 2026-12-02 key

    expect(before.date).toBe('2026-12-02')
    expect(again.authorization).toBe(before.authorization)
    expect(after.date).toBe('2026-12-03')
    expect(before.authorization).toBe(official(midnight - 1))
    expect(after.authorization).toBe(official(midnight))
  })

  it('still signs correctly when a late request carries the previous date again', () => {
    const midnight = Date.UTC(2027, 0, 1) / 1000
    const stamps = [midnight - 2, midnight + 1, midnight - 1, midnight + 2, midnight - 1]
    for (const timestamp of stamps) {
      expect(sign(timestamp).authorization).toBe(official(timestamp))
    }
  })

  it('keeps keys of different SecretKeys apart on the same date', () => {
    const timestamp = Date.UTC(2026, 11, 3, 12) / 1000
    const first = sign(timestamp)
    const other = signTc3({
      secretId,
      secretKey: secretKey + '-rotated',
      host: 'car.intl.tencentcloudapi.com',
      action: 'ApplyConcurrent',
      version: '2022-01-10',
      timestamp,
      payload,
    })
    expect(other.signature).not.toBe(first.signature)
    expect(sign(timestamp).signature).toBe(first.signature)
  })
})
