import { describe, expect, it } from 'vitest'
import { createRedactor } from './redact.js'

describe('createRedactor', () => {
  const secret = 'canary-secret-0123456789'
  const redact = createRedactor([secret, 'short'])

  it('masks fields named like secrets whatever their value', () => {
    expect(redact({ authorization: 'TC3-HMAC-SHA256 …', headers: { Authorization: 'x', 'X-TC-Token': 't' }, secretKey: 'k' })).toEqual({
      authorization: '[REDACTED]',
      headers: { Authorization: '[REDACTED]', 'X-TC-Token': '[REDACTED]' },
      secretKey: '[REDACTED]',
    })
  })

  it('removes a secret value from any string, nested or inside an error', () => {
    const out = JSON.stringify(redact({ note: `key=${secret}!`, list: [{ deep: secret }], error: new Error(`bad ${secret}`) }))
    expect(out).not.toContain(secret)
    expect(out).toContain('key=[REDACTED]!')
  })

  it('leaves values shorter than 8 characters alone so ordinary words survive', () => {
    expect(redact({ note: 'a short note' })).toEqual({ note: 'a short note' })
  })
})

describe('createRedactor with credentials inside text', () => {
  it('masks TC3 signatures and bearer tokens quoted in a message', () => {
    const redact = createRedactor([])
    const out = redact({ note: 'got TC3-HMAC-SHA256 Credential=AKID/2026-01-01/car/tc3_request, SignedHeaders=content-type;host, Signature=0123abcdef and Bearer eyJhbGciOi.x-y' })
    expect(out.note).not.toMatch(/0123abcdef|eyJhbGciOi/)
    expect(out.note).toContain('Signature=[REDACTED]')
  })
})
