import type { OutgoingHttpHeaders } from 'node:http'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { signTc3 } from './sign-tc3.js'
import type { SignTc3Input } from './sign-tc3-types.js'

const base: SignTc3Input = {
  secretId: 'AKIDheaders',
  secretKey: 'headers-secret',
  host: 'car.intl.tencentcloudapi.com',
  action: 'ApplyConcurrent',
  version: '2022-01-10',
  timestamp: 1_764_720_000,
  payload: '{"UserId":"u1"}',
}

describe('signTc3 headers', () => {
  it('returns exactly the six required headers when no optional input is given', () => {
    const { headers, authorization } = signTc3(base)
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      Host: 'car.intl.tencentcloudapi.com',
      'X-TC-Action': 'ApplyConcurrent',
      'X-TC-Version': '2022-01-10',
      'X-TC-Timestamp': '1764720000',
      Authorization: authorization,
    })
  })

  it('gives headers that can be passed straight to fetch or node:http', () => {
    const { headers } = signTc3(base)
    expectTypeOf(headers).toExtend<Record<string, string>>()
    expectTypeOf(headers).toExtend<OutgoingHttpHeaders>()
    expect(Object.values(headers).every((value) => typeof value === 'string')).toBe(true)
  })

  it('adds X-TC-Region, X-TC-Token and X-TC-Language only when they are given', () => {
    expect(Object.keys(signTc3({ ...base, region: 'ap-guangzhou' }).headers)).toContain('X-TC-Region')
    expect(Object.keys(signTc3({ ...base, region: 'ap-guangzhou' }).headers)).not.toContain('X-TC-Token')

    const all = signTc3({ ...base, region: 'ap-guangzhou', token: 'sts-token-123', language: 'en-US' }).headers
    expect(all['X-TC-Region']).toBe('ap-guangzhou')
    expect(all['X-TC-Token']).toBe('sts-token-123')
    expect(all['X-TC-Language']).toBe('en-US')

    const tokenOnly = signTc3({ ...base, token: 'sts-token-123' }).headers
    expect(Object.keys(tokenOnly).filter((name) => name.startsWith('X-TC-')).sort()).toEqual([
      'X-TC-Action',
      'X-TC-Timestamp',
      'X-TC-Token',
      'X-TC-Version',
    ])
  })

  it('leaves region, token and language out of the signature', () => {
    const plain = signTc3(base)
    const extra = signTc3({ ...base, region: 'ap-guangzhou', token: 'sts-token-123', language: 'zh-CN' })
    expect(extra.signature).toBe(plain.signature)
  })

  it('takes the service from the first label of the host, ignoring a port', () => {
    expect(signTc3(base).credentialScope).toBe('2025-12-03/car/tc3_request')
    expect(signTc3({ ...base, host: 'localhost:8787' }).service).toBe('localhost')
    expect(signTc3({ ...base, host: '127.0.0.1:8787', service: 'car' }).credentialScope).toBe('2025-12-03/car/tc3_request')
  })

  it('signs and sends the host with its port and in lower case', () => {
    const result = signTc3({ ...base, host: 'CAR.TencentCloudAPI.com:8443' })
    expect(result.headers.Host).toBe('car.tencentcloudapi.com:8443')
    expect(result.canonicalRequest).toContain('\nhost:car.tencentcloudapi.com:8443\n')
  })

  it('signs and sends a given content type trimmed and lower-cased', () => {
    const result = signTc3({ ...base, contentType: ' Application/JSON; charset=UTF-8 ' })
    expect(result.headers['Content-Type']).toBe('application/json; charset=utf-8')
    expect(result.canonicalRequest.startsWith('POST\n/\n\ncontent-type:application/json; charset=utf-8\n')).toBe(true)
  })

  it('hashes the empty body as the SHA-256 of no bytes', () => {
    expect(signTc3({ ...base, payload: '' }).hashedPayload).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })

  it('hashes a string payload as its UTF-8 bytes', () => {
    const text = '{"UserId":"用户😀"}'
    expect(signTc3({ ...base, payload: text }).signature).toBe(
      signTc3({ ...base, payload: new TextEncoder().encode(text) }).signature,
    )
  })

  it('never returns the secret key', () => {
    const result = signTc3({ ...base, secretKey: 'sekrit-value-that-must-not-leak' })
    expect(JSON.stringify(result)).not.toContain('sekrit-value-that-must-not-leak')
  })
})
