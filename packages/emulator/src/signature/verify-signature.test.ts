import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isApiError } from '../http/api-error.js'
import { signTc3ForTest } from '../test-support/sign-tc3.js'
import { SignatureVerifier, type SignedRequest } from './verify-signature.js'

interface Vector {
  name: string
  host: string
  service: string
  action: string
  timestamp: number
  contentType: string
  payload: string
  signedHeaders: 'content-type;host' | 'content-type;host;x-tc-action'
  secretId: string
  secretKey: string
  hashedCanonicalRequest: string
  signature: string
  authorization: string
}

const vectors = (JSON.parse(readFileSync(new URL('../test-support/tc3-vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors

function vectorRequest(vector: Vector, overrides: Partial<SignedRequest> = {}): SignedRequest {
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: {
      'content-type': vector.contentType,
      host: vector.host,
      'x-tc-action': vector.action,
      'x-tc-timestamp': String(vector.timestamp),
      authorization: vector.authorization,
    },
    body: Buffer.from(vector.payload),
    now: vector.timestamp * 1000,
    ...overrides,
  }
}

function codeOf(run: () => void): string {
  try {
    run()
  } catch (error) {
    if (isApiError(error)) return error.code
    throw error
  }
  return 'OK'
}

describe('SignatureVerifier with Tencent’s published vectors', () => {
  for (const vector of vectors) {
    const verifier = new SignatureVerifier({
      credentials: { secretId: vector.secretId, secretKey: vector.secretKey },
      service: vector.service,
      clockSkewToleranceSec: 300,
    })

    it(`accepts the documented request "${vector.name}"`, () => {
      expect(codeOf(() => verifier.verify(vectorRequest(vector)))).toBe('OK')
    })

    it(`rejects "${vector.name}" when one body byte changes`, () => {
      const body = Buffer.from(vector.payload.replace('Limit": 1', 'Limit": 2'))
      expect(codeOf(() => verifier.verify(vectorRequest(vector, { body })))).toBe('AuthFailure.SignatureFailure')
    })

    it(`rejects "${vector.name}" when the last signature digit changes`, () => {
      const last = vector.authorization.at(-1) === '0' ? '1' : '0'
      const authorization = vector.authorization.slice(0, -1) + last
      const request = vectorRequest(vector)
      expect(codeOf(() => verifier.verify({ ...request, headers: { ...request.headers, authorization } }))).toBe('AuthFailure.SignatureFailure')
    })

    it(`agrees with the test signer on "${vector.name}"`, () => {
      const ours = signTc3ForTest({ ...vector, body: vector.payload })
      expect(ours.hashedCanonicalRequest).toBe(vector.hashedCanonicalRequest)
      expect(ours.authorization).toBe(vector.authorization)
    })
  }
})

describe('SignatureVerifier against the official SDK signer', () => {
  const require = createRequire(import.meta.url)
  type Sign3 = (input: Record<string, unknown>) => string
  const { sign3 } = (require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as { default: { sign3: Sign3 } }).default
  const credentials = { secretId: 'AKIDofficial', secretKey: 'official-key' }
  const verifier = new SignatureVerifier({ credentials, service: 'car', clockSkewToleranceSec: 300 })

  it('accepts Sign.sign3 output for a unicode body signed with the hostname while the port is sent', () => {
    const timestamp = 1_796_342_399 // one second before a UTC midnight
    const body = Buffer.from('{"UserId":"用户-1","UserIp":"203.0.113.7","ProjectId":"cap-demo"}')
    const authorization = sign3({
      method: 'POST',
      url: 'https://car.intl.tencentcloudapi.com/',
      payload: body,
      timestamp,
      service: 'car',
      ...credentials,
      headers: { 'Content-Type': 'application/json' },
    })
    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query: '',
      headers: { 'content-type': 'application/json', host: 'car.intl.tencentcloudapi.com:8443', 'x-tc-timestamp': String(timestamp), authorization },
      body,
      now: timestamp * 1000 + 5_000,
    }
    expect(codeOf(() => verifier.verify(request))).toBe('OK')
  })

  it('accepts 300 generated Sign.sign3 requests and rejects each with one body character changed', () => {
    const hosts = ['car.tencentcloudapi.com', 'car.intl.tencentcloudapi.com']
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
        fc.constantFrom(...hosts),
        fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
        (text, timestamp, hostname, port) => {
          const body = Buffer.from(JSON.stringify({ UserId: text }))
          const authorization = sign3({
            method: 'POST',
            url: `https://${hostname}/`,
            payload: body,
            timestamp,
            service: 'car',
            ...credentials,
            headers: { 'Content-Type': 'application/json' },
          })
          const headers = {
            'content-type': 'application/json',
            host: port === undefined ? hostname : `${hostname}:${port}`,
            'x-tc-timestamp': String(timestamp),
            authorization,
          }
          const request: SignedRequest = { method: 'POST', path: '/', query: '', headers, body, now: timestamp * 1000 }
          expect(codeOf(() => verifier.verify(request))).toBe('OK')
          const tampered = Buffer.from(JSON.stringify({ UserId: `${text}!` }))
          expect(codeOf(() => verifier.verify({ ...request, body: tampered }))).toBe('AuthFailure.SignatureFailure')
        },
      ),
      { numRuns: 300 },
    )
  })
})
