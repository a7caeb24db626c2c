import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './support/start-stack.js'

// startBroker serves the broker's routes directly, and through Express when an `authorize` hook
// is set; both must answer byte-for-byte alike apart from per-request ids and dates.
let direct: Stack
let viaExpress: Stack

beforeAll(async () => {
  const env = { CARKIT_ALLOWED_ORIGINS: 'https://app.example.com', CARKIT_TRUST_PROXY: 'loopback' }
  direct = await startStack({ env, emulator: { capacity: 100 } })
  viaExpress = await startStack({ env, emulator: { capacity: 100 }, brokerOptions: { authorize: () => true } })
})
afterAll(async () => {
  await direct.close()
  await viaExpress.close()
})

const requests: Array<[string, string, RequestInit]> = [
  ['grant', '/v1/apply-concurrent', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' }, body: '{"userId":"same-user"}' }],
  ['cors grant', '/v1/apply-concurrent', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://app.example.com' }, body: '{"userId":"other-user"}' }],
  ['preflight', '/v1/apply-concurrent', { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-app' } }],
  ['foreign origin', '/v1/apply-concurrent', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"userId":"u"}' }],
  ['bad json', '/v1/apply-concurrent', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
  ['wrong type', '/v1/apply-concurrent', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }],
  ['wrong method', '/v1/apply-concurrent', { method: 'PUT' }],
  ['trailing slash and case', '/HEALTHZ/', { method: 'GET' }],
  ['health head', '/healthz', { method: 'HEAD' }],
  ['not found', '/v1/other', { method: 'GET' }],
]

async function snapshot(stack: Stack, path: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(`${stack.broker.url}${path}`, init)
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(name)))
  const text = await res.text()
  const body = text.replace(/"requestId":"[^"]+"/, '"requestId":"…"')
  return { status: res.status, headers, body }
}

describe('startBroker answers the same with and without Express in the path', () => {
  for (const [name, path, init] of requests) {
    it(`answers "${name}" identically`, async () => {
      expect(await snapshot(direct, path, init)).toEqual(await snapshot(viaExpress, path, init))
    })
  }

  it('uses the same UserIp rules on both paths', () => {
    const ips = [direct, viaExpress].map((stack) => stack.emu.calls.find((call) => call.userId === 'same-user')?.userIp)
    expect(ips).toEqual(['198.51.100.7', '198.51.100.7'])
  })
})
