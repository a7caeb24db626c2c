import { describe, expect, it } from 'vitest'
import { signTc3 } from './sign-tc3.js'
import type { SignTc3Input } from './sign-tc3-types.js'

const secretKey = 'do-not-print-this-key'
const valid: SignTc3Input = {
  secretId: 'AKIDvalidation',
  secretKey,
  host: 'car.tencentcloudapi.com',
  action: 'ApplyConcurrent',
  version: '2022-01-10',
  timestamp: 1_764_720_000,
  payload: '{}',
}

function errorOf(input: unknown): Error {
  try {
    signTc3(input as SignTc3Input)
  } catch (error) {
    return error as Error
  }
  throw new Error('signTc3 accepted an invalid input')
}

describe('signTc3 input validation', () => {
  const cases: Array<[string, Partial<Record<keyof SignTc3Input, unknown>>, string]> = [
    ['an empty secretId', { secretId: '' }, '`secretId`'],
    ['a secretId with a slash', { secretId: 'AKID/x' }, '`secretId`'],
    ['an empty secretKey', { secretKey: '' }, '`secretKey`'],
    ['a host with a scheme', { host: 'https://car.tencentcloudapi.com' }, 'Pass only the host part'],
    ['a host with a path', { host: 'car.tencentcloudapi.com/' }, '`host`'],
    ['an empty host', { host: '' }, '`host`'],
    ['an action with a space', { action: 'Apply Concurrent' }, '`action`'],
    ['a version not in date form', { version: 'v3' }, '`version`'],
    ['a negative timestamp', { timestamp: -1 }, '`timestamp`'],
    ['a timestamp in milliseconds as a fraction', { timestamp: 1_764_720_000.5 }, '`timestamp`'],
    ['a timestamp as a string', { timestamp: '1764720000' }, '`timestamp`'],
    ['a timestamp past year 9999', { timestamp: 253_402_300_800 }, '`timestamp`'],
    ['a payload object', { payload: { UserId: 'u1' } }, '`payload`'],
    ['a service with a slash', { service: 'car/x' }, '`service`'],
    ['a content type with a line break', { contentType: 'application/json\r\nX-Evil: 1' }, '`contentType`'],
    ['an unknown signed-header set', { signedHeaders: 'host' }, '`signedHeaders`'],
    ['an empty region', { region: '' }, '`region`'],
    ['a token with a line break', { token: 'abc\ndef' }, '`token`'],
    ['a malformed language', { language: 'english' }, '`language`'],
  ]

  for (const [what, change, named] of cases) {
    it(`rejects ${what} with a message naming the field and no secret`, () => {
      const error = errorOf({ ...valid, ...change })
      expect(error instanceof TypeError || error instanceof RangeError).toBe(true)
      expect(error.message).toContain(named)
      expect(error.message).not.toContain(secretKey)
      expect(error.message).not.toContain('AKIDvalidation')
    })
  }

  it('rejects a missing options object', () => {
    expect(errorOf(undefined).message).toContain('options object')
  })

  it('asks for an explicit service when the host has no usable first label', () => {
    const error = errorOf({ ...valid, host: '[::1]:8080' })
    expect(error.message).toContain('pass `service`')
    expect(signTc3({ ...valid, host: '[::1]:8080', service: 'car' }).service).toBe('car')
  })

  it('never echoes the session token in an error', () => {
    const error = errorOf({ ...valid, token: 'token with spaces is-secret' })
    expect(error.message).not.toContain('is-secret')
  })

  it('accepts timestamp 0 and the last second of year 9999', () => {
    expect(signTc3({ ...valid, timestamp: 0 }).date).toBe('1970-01-01')
    expect(signTc3({ ...valid, timestamp: 253_402_300_799 }).date).toBe('9999-12-31')
  })
})
