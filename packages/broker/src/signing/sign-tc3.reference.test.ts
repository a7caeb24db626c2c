import { createHash, createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signTc3 } from './sign-tc3.js'
import type { SignedHeaderSet } from './sign-tc3-types.js'

interface ReferenceInput {
  secretId: string
  secretKey: string
  host: string
  service: string
  action: string
  timestamp: number
  payload: string
  contentType: string
  signedHeaders: SignedHeaderSet
}

/**
 * A deliberately plain TC3-HMAC-SHA256 signer written from the published algorithm:
 * five HMACs, no cache, the date from `Date#toISOString`.
 */
function referenceAuthorization(input: ReferenceInput): string {
  const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex')
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest()

  const headerLines = [`content-type:${input.contentType}`, `host:${input.host}`]
  if (input.signedHeaders === 'content-type;host;x-tc-action') headerLines.push(`x-tc-action:${input.action.toLowerCase()}`)
  const canonicalRequest = ['POST', '/', '', headerLines.join('\n') + '\n', input.signedHeaders, sha256Hex(input.payload)].join('\n')

  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10)
  const scope = `${date}/${input.service}/tc3_request`
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n')

  const kDate = hmac('TC3' + input.secretKey, date)
  const kService = hmac(kDate, input.service)
  const kSigning = hmac(kService, 'tc3_request')
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${input.signedHeaders}, Signature=${signature}`
}

const SECONDS_PER_DAY = 86_400

describe('signTc3 against a plain five-HMAC reference signer', () => {
  it('agrees with the reference for 400 generated requests with both signed-header sets', () => {
    const nearMidnight = fc
      .tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, 16 * 3600))
      .map(([d, s, shift]) => d * SECONDS_PER_DAY + shift + s)
    fc.assert(
      fc.property(
        fc.record({
          secretId: fc.stringMatching(/^[A-Za-z0-9]{1,48}$/),
          secretKey: fc.string({ unit: 'binary', minLength: 1, maxLength: 48 }),
          host: fc.constantFrom('car.tencentcloudapi.com', 'car.intl.tencentcloudapi.com', '127.0.0.1:8080'),
          service: fc.constantFrom('car', 'cvm'),
          action: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,30}$/),
          timestamp: fc.oneof(nearMidnight, fc.integer({ min: 0, max: 4_102_444_800 })),
          payload: fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? '')),
          contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
          signedHeaders: fc.constantFrom<SignedHeaderSet>('content-type;host', 'content-type;host;x-tc-action'),
        }),
        (input) => {
          const actual = signTc3({ ...input, version: '2022-01-10' })
          expect(actual.authorization).toBe(referenceAuthorization(input))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('signs the lower-cased action in the x-tc-action line and sends the action as given', () => {
    const result = signTc3({
      secretId: 'AKIDexample',
      secretKey: 'key',
      host: 'car.tencentcloudapi.com',
      action: 'ApplyConcurrent',
      version: '2022-01-10',
      timestamp: 1_700_000_000,
      payload: '{}',
      signedHeaders: 'content-type;host;x-tc-action',
    })
    expect(result.canonicalRequest).toContain('\nx-tc-action:applyconcurrent\n')
    expect(result.headers['X-TC-Action']).toBe('ApplyConcurrent')
  })
})
