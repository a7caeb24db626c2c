import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../index.js'
import { callCar, type CallCarInput } from '../test-support/call-car.js'
import type { Emulator } from '../types.js'

const APPLY = { UserId: 'err-user', UserIp: '203.0.113.7', ProjectId: 'cap-demo' }

describe('API 3.0 request errors', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ capacity: 100, projects: ['cap-demo', 'cap-other'], maxBodyBytes: 2048 })
  })
  afterAll(async () => {
    await emu.close()
  })
  const call = (overrides: Partial<CallCarInput>) => callCar({ url: emu.url, credentials: emu.credentials, action: 'ApplyConcurrent', body: APPLY, ...overrides })
  const errorOf = async (overrides: Partial<CallCarInput>) => (await call(overrides)).response.Error

  it('answers HTTP 200 JSON with a UUID RequestId and a Date header, success or error', async () => {
    for (const answer of [await call({}), await call({ action: 'Nope' })]) {
      expect(answer.status).toBe(200)
      expect(answer.headers['content-type']).toBe('application/json')
      expect(new Date(String(answer.headers['date'])).getTime()).not.toBeNaN()
      expect(answer.response.RequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })

  it('puts RequestId last in Response, after Error', async () => {
    const answer = await call({ action: 'Nope' })
    expect(Object.keys(answer.response)).toEqual(['Error', 'RequestId'])
  })

  it('answers an unknown action with InvalidAction naming it', async () => {
    const error = await errorOf({ action: 'StartPublishStream' })
    expect(error?.Code).toBe('InvalidAction')
    expect(error?.Message).toContain('StartPublishStream')
  })

  it('answers another version with NoSuchVersion', async () => {
    expect((await errorOf({ version: '2020-01-01' }))?.Code).toBe('NoSuchVersion')
  })

  it('answers a missing X-TC-Action or X-TC-Version with MissingParameter', async () => {
    expect((await errorOf({ headers: { 'X-TC-Action': undefined } }))?.Code).toBe('MissingParameter')
    const noVersion = await errorOf({ headers: { 'X-TC-Version': undefined } })
    expect(noVersion?.Code).toBe('MissingParameter')
    expect(noVersion?.Message).toContain('Version')
  })

  it('answers a body that is not JSON with InvalidParameter.JsonParseError', async () => {
    expect((await errorOf({ rawBody: '{"UserId":' }))?.Code).toBe('InvalidParameter.JsonParseError')
  })

  it('answers a JSON body that is not an object with InvalidParameter', async () => {
    expect((await errorOf({ rawBody: '["UserId"]' }))?.Code).toBe('InvalidParameter')
  })

  for (const field of ['UserId', 'UserIp', 'ProjectId'] as const) {
    it(`answers ApplyConcurrent without ${field} with MissingParameter naming it`, async () => {
      const body: Record<string, string> = { ...APPLY }
      delete body[field]
      const error = await errorOf({ body })
      expect(error?.Code).toBe('MissingParameter')
      expect(error?.Message).toContain(field)
    })
  }

  it('answers a field of the wrong type with InvalidParameterValue naming it', async () => {
    const error = await errorOf({ body: { ...APPLY, UserId: 42 } })
    expect(error?.Code).toBe('InvalidParameterValue')
    expect(error?.Message).toContain('UserId')
  })

  it('answers an unknown ProjectId with InvalidParameterValue', async () => {
    const error = await errorOf({ body: { ...APPLY, ProjectId: 'cap-missing' } })
    expect(error?.Code).toBe('InvalidParameterValue')
    expect(error?.Message).toContain('cap-missing')
  })

  it('answers a UserIp that is not an address, or an empty UserId, with InvalidParameterValue', async () => {
    expect((await errorOf({ body: { ...APPLY, UserIp: 'localhost' } }))?.Code).toBe('InvalidParameterValue')
    expect((await errorOf({ body: { ...APPLY, UserId: '' } }))?.Code).toBe('InvalidParameterValue')
  })

  it('answers an unknown field with UnknownParameter naming it', async () => {
    const error = await errorOf({ body: { ...APPLY, Userid: 'typo' } })
    expect(error?.Code).toBe('UnknownParameter')
    expect(error?.Message).toContain('Userid')
  })

  it('accepts the optional ApplicationId and ApplicationVersionId', async () => {
    expect(await errorOf({ body: { ...APPLY, ApplicationId: 'app-12345678', ApplicationVersionId: 'ver-12345678' } })).toBeUndefined()
  })

  it('answers a body above maxBodyBytes with RequestSizeLimitExceeded', async () => {
    const error = await errorOf({ body: { ...APPLY, ApplicationId: 'x'.repeat(4096) } })
    expect(error?.Code).toBe('RequestSizeLimitExceeded')
  })

  it('answers a chunked body above maxBodyBytes with RequestSizeLimitExceeded, and accepts a small chunked body', async () => {
    expect((await errorOf({ chunked: true, body: { ...APPLY, ApplicationId: 'x'.repeat(4096) } }))?.Code).toBe('RequestSizeLimitExceeded')
    expect(await errorOf({ chunked: true })).toBeUndefined()
  })

  it('answers a Content-Type other than JSON with UnsupportedProtocol', async () => {
    expect((await errorOf({ contentType: 'application/x-www-form-urlencoded' }))?.Code).toBe('UnsupportedProtocol')
  })

  it('answers another method or path with UnsupportedProtocol', async () => {
    expect((await errorOf({ method: 'PUT' }))?.Code).toBe('UnsupportedProtocol')
    expect((await errorOf({ path: '/v1/apply' }))?.Code).toBe('UnsupportedProtocol')
    const get = await new Promise<string>((resolve, reject) => {
      request(emu.url, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve(text))
      })
        .on('error', reject)
        .end()
    })
    expect(JSON.parse(get)).toMatchObject({ Response: { Error: { Code: 'UnsupportedProtocol' } } })
  })

  it('checks the signature before the action, version and body', async () => {
    const wrongKey = { ...emu.credentials, secretKey: 'wrong' }
    expect((await errorOf({ action: 'Nope', credentials: wrongKey }))?.Code).toBe('AuthFailure.SignatureFailure')
    expect((await errorOf({ version: '2019-01-01', credentials: wrongKey }))?.Code).toBe('AuthFailure.SignatureFailure')
    expect((await errorOf({ rawBody: 'nope', credentials: wrongKey }))?.Code).toBe('AuthFailure.SignatureFailure')
  })
})
