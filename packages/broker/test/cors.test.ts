import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './support/start-stack.js'

let stack: Stack

beforeAll(async () => {
  stack = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:*, null' } })
})
afterAll(async () => {
  await stack.close()
})

const preflight = (origin: string, headers = 'content-type, authorization'): Promise<Response> =>
  fetch(`${stack.broker.url}/v1/apply-concurrent`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  })

describe('Origin allowlist and CORS', () => {
  it('answers a preflight from a listed origin with methods, headers, max-age, credentials and Vary', async () => {
    const res = await preflight('https://app.example.com')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(res.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('vary')).toMatch(/Origin/)
  })

  it('refuses a preflight from a foreign origin with 403 Broker.OriginNotAllowed', async () => {
    const res = await preflight('https://evil.example')
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Broker.OriginNotAllowed')
  })

  it('never signs a request from a foreign origin', async () => {
    stack.emu.resetCalls()
    const res = await stack.post({ userId: 'u1' }, { origin: 'https://app.example.com.evil.example' })
    expect(res.status).toBe(403)
    expect(stack.emu.calls).toHaveLength(0)
  })

  it('allows any port of a host:* pattern and the listed null origin', async () => {
    expect((await preflight('http://localhost:3000')).status).toBe(204)
    const nullOrigin = await preflight('null')
    expect(nullOrigin.status).toBe(204)
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBe('null')
    expect((await preflight('http://localhost.evil.example:3000')).status).toBe(403)
  })

  it('exposes Retry-After to pages on a cross-origin answer', async () => {
    const res = await stack.post({ userId: 'u2' }, { origin: 'https://app.example.com' })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/)
  })

  it('allows requests without an Origin header (curl, server to server)', async () => {
    expect((await stack.post({ userId: 'u3' })).status).toBe(200)
  })
})

describe('wildcard origin', () => {
  it('answers * without credentials and refuses null unless listed', async () => {
    const open = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: '*' } })
    try {
      const res = await open.post({ userId: 'w1' }, { origin: 'https://anywhere.example' })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      expect((await open.post({ userId: 'w2' }, { origin: 'null' })).status).toBe(403)
    } finally {
      await open.close()
    }
  })
})
