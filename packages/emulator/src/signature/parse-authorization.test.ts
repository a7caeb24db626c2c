import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error.js'
import { parseAuthorization } from './parse-authorization.js'

const SIGNATURE = 'a'.repeat(64)

describe('parseAuthorization', () => {
  it('reads the credential scope, the signed headers and the signature', () => {
    const parsed = parseAuthorization(`TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${SIGNATURE}`)
    expect(parsed).toEqual({
      secretId: 'AKIDx',
      date: '2026-12-03',
      service: 'car',
      signedHeaders: ['content-type', 'host', 'x-tc-action'],
      signedHeadersText: 'content-type;host;x-tc-action',
      signature: SIGNATURE,
    })
  })

  it('tolerates missing spaces after the commas', () => {
    const parsed = parseAuthorization(`TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car/tc3_request,SignedHeaders=content-type;host,Signature=${SIGNATURE}`)
    expect(parsed.signedHeaders).toEqual(['content-type', 'host'])
  })

  const malformed: Array<[string, string | undefined]> = [
    ['is absent', undefined],
    ['is blank', '  '],
    ['uses another algorithm', `HMAC-SHA1 Credential=AKIDx/2026-12-03/car/tc3_request, SignedHeaders=content-type;host, Signature=${SIGNATURE}`],
    ['lacks tc3_request', `TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car, SignedHeaders=content-type;host, Signature=${SIGNATURE}`],
    ['has a short signature', `TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car/tc3_request, SignedHeaders=content-type;host, Signature=abc`],
    ['has an upper-case signature', `TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car/tc3_request, SignedHeaders=content-type;host, Signature=${'A'.repeat(64)}`],
    ['has no SignedHeaders', `TC3-HMAC-SHA256 Credential=AKIDx/2026-12-03/car/tc3_request, Signature=${SIGNATURE}`],
    ['has a malformed date', `TC3-HMAC-SHA256 Credential=AKIDx/20261203/car/tc3_request, SignedHeaders=content-type;host, Signature=${SIGNATURE}`],
  ]
  for (const [why, header] of malformed) {
    it(`throws AuthFailure.InvalidAuthorization when the header ${why}`, () => {
      expect(() => parseAuthorization(header)).toThrow(ApiError)
      try {
        parseAuthorization(header)
      } catch (error) {
        expect((error as ApiError).code).toBe('AuthFailure.InvalidAuthorization')
      }
    })
  }
})
