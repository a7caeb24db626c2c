import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { officialSign3 } from '../test-support/official-sign3.js'
import { signTc3 } from './sign-tc3.js'


const SECONDS_PER_DAY = 86_400
const CAR_HOSTS = ['car.tencentcloudapi.com', 'car.intl.tencentcloudapi.com'] as const

const day = fc.integer({ min: 0, max: 60_000 })
const nearMidnight = fc.integer({ min: -5, max: 5 })
const timestamp = fc.oneof(
  // Both sides of UTC midnight.
  fc.tuple(day, nearMidnight).map(([d, s]) => Math.max(0, d * SECONDS_PER_DAY + s)),
  // Both sides of midnight in UTC+8 (16:00 UTC), where a local-date signer goes wrong.
  fc.tuple(day, nearMidnight).map(([d, s]) => d * SECONDS_PER_DAY + 16 * 3600 + s),
  fc.integer({ min: 0, max: 4_102_444_800 }),
)
const payload = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
  fc
    .record({ UserId: fc.string({ unit: 'binary', maxLength: 30 }), ProjectId: fc.string({ maxLength: 20 }) })
    .map((body) => JSON.stringify(body)),
)
const secretId = fc.stringMatching(/^[A-Za-z0-9]{1,48}$/)
const secretKey = fc.string({ unit: 'binary', minLength: 1, maxLength: 48 })
const action = fc.oneof(fc.constant('ApplyConcurrent'), fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,30}$/))
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8')

describe('signTc3 against the official tencentcloud-sdk-nodejs signer', () => {
  it('produces the same Authorization as Sign.sign3 for 400 generated content-type;host requests', () => {
    fc.assert(
      fc.property(
        fc.record({
          secretId,
          secretKey,
          host: fc.constantFrom(...CAR_HOSTS),
          action,
          timestamp,
          payload,
          contentType,
          asBytes: fc.boolean(),
        }),
        (input) => {
          const body = Buffer.from(input.payload, 'utf8')
          const expected = officialSign3({
            method: 'POST',
            url: `https://${input.host}/`,
            payload: body,
            timestamp: input.timestamp,
            service: 'car',
            secretId: input.secretId,
            secretKey: input.secretKey,
            headers: { 'Content-Type': input.contentType },
          })
          const actual = signTc3({
            secretId: input.secretId,
            secretKey: input.secretKey,
            host: input.host,
            action: input.action,
            version: '2022-01-10',
            timestamp: input.timestamp,
            payload: input.asBytes ? new Uint8Array(body) : input.payload,
            contentType: input.contentType,
          })
          expect(actual.authorization).toBe(expected)
          expect(actual.headers.Authorization).toBe(expected)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('uses the UTC date, not the local one, for a request at 00:30 in Beijing', () => {
    // 2023-11-14T16:30:00Z is already 2023-11-15 00:30 in UTC+8.
    const timestamp = Date.UTC(2023, 10, 14, 16, 30) / 1000
    const result = signTc3({
      secretId: 'AKIDexample',
      secretKey: 'key',
      host: 'car.tencentcloudapi.com',
      action: 'ApplyConcurrent',
      version: '2022-01-10',
      timestamp,
      payload: '{}',
    })
    expect(result.date).toBe('2023-11-14')
    expect(result.authorization).toBe(
      officialSign3({
        method: 'POST',
        url: 'https://car.tencentcloudapi.com/',
        payload: Buffer.from('{}'),
        timestamp,
        service: 'car',
        secretId: 'AKIDexample',
        secretKey: 'key',
        headers: { 'Content-Type': 'application/json' },
      }),
    )
  })
})
