import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../index.js'
import { callCar, type CallCarInput } from '../test-support/call-car.js'
import { signTc3ForTest } from '../test-support/sign-tc3.js'
import type { Emulator } from '../types.js'

const BODY = { UserId: 'sig-user', UserIp: '203.0.113.7', ProjectId: 'cap-demo' }

describe('signature checks over HTTP', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ capacity: 100 })
  })
  afterAll(async () => {
    await emu.close()
  })
  const call = (overrides: Partial<CallCarInput> = {}) =>
    callCar({ url: emu.url, credentials: emu.credentials, action: 'DescribeConcurrentCount', body: {}, ...overrides })
  const codeOf = async (overrides: Partial<CallCarInput> = {}) => (await call(overrides)).response.Error?.Code ?? 'OK'

  it('accepts the Host as received, with its port, signing content-type;host', async () => {
    expect(await codeOf()).toBe('OK')
  })

  it('accepts a Host signed without its port, as the official SDK signs it', async () => {
    const sent = new URL(emu.url).host
    expect(await codeOf({ host: sent, signHost: new URL(emu.url).hostname })).toBe('OK')
  })

  it('accepts a production Host name sent as is', async () => {
    expect(await codeOf({ host: 'car.intl.tencentcloudapi.com' })).toBe('OK')
  })

  it('accepts the content-type;host;x-tc-action header set', async () => {
    expect(await codeOf({ action: 'ApplyConcurrent', body: BODY, signedHeaders: 'content-type;host;x-tc-action' })).toBe('OK')
  })

  it('accepts a Content-Type with a charset', async () => {
    expect(await codeOf({ contentType: 'application/json; charset=utf-8' })).toBe('OK')
  })

  it('rejects a Host signed with another name as AuthFailure.SignatureFailure', async () => {
    expect(await codeOf({ signHost: 'car.tencentcloudapi.com' })).toBe('AuthFailure.SignatureFailure')
  })

  it('rejects a wrong SecretKey as AuthFailure.SignatureFailure', async () => {
    expect(await codeOf({ credentials: { ...emu.credentials, secretKey: 'not-the-key' } })).toBe('AuthFailure.SignatureFailure')
  })

  it('rejects a body changed after signing as AuthFailure.SignatureFailure', async () => {
    const sentBody = JSON.stringify({ ...BODY, UserId: 'someone-else' })
    expect(await codeOf({ action: 'ApplyConcurrent', body: BODY, sentBody })).toBe('AuthFailure.SignatureFailure')
  })

  it('rejects a signed X-TC-Action changed after signing as AuthFailure.SignatureFailure', async () => {
    const headers = { 'X-TC-Action': 'DestroySession' }
    expect(await codeOf({ action: 'ApplyConcurrent', body: BODY, headers, signedHeaders: 'content-type;host;x-tc-action' })).toBe(
      'AuthFailure.SignatureFailure',
    )
  })

  it('rejects an unknown SecretId as AuthFailure.SecretIdNotFound', async () => {
    expect(await codeOf({ credentials: { ...emu.credentials, secretId: 'AKIDunknown' } })).toBe('AuthFailure.SecretIdNotFound')
  })

  it('rejects a timestamp 301 s in the past or future as AuthFailure.SignatureExpire', async () => {
    const now = Math.floor(Date.now() / 1000)
    expect(await codeOf({ timestamp: now - 301 })).toBe('AuthFailure.SignatureExpire')
    expect(await codeOf({ timestamp: now + 301 })).toBe('AuthFailure.SignatureExpire')
  })

  it('accepts a timestamp 250 s away, inside the 300 s tolerance', async () => {
    expect(await codeOf({ timestamp: Math.floor(Date.now() / 1000) - 250 })).toBe('OK')
  })

  it('rejects a malformed or missing Authorization as AuthFailure.InvalidAuthorization', async () => {
    expect(await codeOf({ headers: { Authorization: 'Bearer token' } })).toBe('AuthFailure.InvalidAuthorization')
    expect(await codeOf({ headers: { Authorization: undefined } })).toBe('AuthFailure.InvalidAuthorization')
  })

  it('rejects a credential scope for another service as AuthFailure.InvalidAuthorization', async () => {
    expect(await codeOf({ service: 'cvm' })).toBe('AuthFailure.InvalidAuthorization')
  })

  it('rejects a credential date that is not the UTC date of the timestamp as AuthFailure.SignatureFailure', async () => {
    const timestamp = Math.floor(Date.now() / 1000)
    const { authorization } = signTc3ForTest({ ...emu.credentials, host: new URL(emu.url).host, action: 'DescribeConcurrentCount', timestamp, body: '{}' })
    const yesterday = new Date((timestamp - 86_400) * 1000).toISOString().slice(0, 10)
    const answer = await call({ timestamp, headers: { Authorization: authorization.replace(/\/\d{4}-\d{2}-\d{2}\//, `/${yesterday}/`) } })
    expect(answer.response.Error?.Code).toBe('AuthFailure.SignatureFailure')
    expect(answer.response.Error?.Message).toContain('UTC date')
  })

  it('rejects SignedHeaders without host as AuthFailure.InvalidAuthorization', async () => {
    const authorization = `TC3-HMAC-SHA256 Credential=${emu.credentials.secretId}/${new Date().toISOString().slice(0, 10)}/car/tc3_request, SignedHeaders=content-type, Signature=${'0'.repeat(64)}`
    expect(await codeOf({ headers: { Authorization: authorization } })).toBe('AuthFailure.InvalidAuthorization')
  })

  it('rejects a missing X-TC-Timestamp as MissingParameter', async () => {
    expect(await codeOf({ headers: { 'X-TC-Timestamp': undefined } })).toBe('MissingParameter')
  })

  it('never echoes the SecretKey in an answer', async () => {
    const answer = await call({ credentials: { ...emu.credentials, secretKey: 'wrong' } })
    expect(JSON.stringify(answer)).not.toContain(emu.credentials.secretKey)
  })
})

describe('session tokens', () => {
  it('accepts the configured X-TC-Token and rejects a wrong or missing one as AuthFailure.TokenFailure', async () => {
    const emu = await startEmulator({ sessionToken: 'sts-token-1' })
    try {
      const call = (token: string | undefined) =>
        callCar({ url: emu.url, credentials: emu.credentials, action: 'DescribeConcurrentCount', headers: { 'X-TC-Token': token } })
      expect((await call('sts-token-1')).response.Error).toBeUndefined()
      expect((await call('sts-token-2')).response.Error?.Code).toBe('AuthFailure.TokenFailure')
      expect((await call(undefined)).response.Error?.Code).toBe('AuthFailure.TokenFailure')
    } finally {
      await emu.close()
    }
  })
})
