import { describe, expect, it } from 'vitest'
import { stacksClosedAfterEach } from './support/stacks-closed-after-each.js'

const startStack = stacksClosedAfterEach()

describe('per-client rate limit', () => {
  it('answers 429 Broker.RateLimited with Retry-After once the client used its budget', async () => {
    const stack = await startStack({ env: { CARKIT_RATE_LIMIT: '2/min' }, emulator: { capacity: 10 } })
    expect((await stack.post({ userId: 'r1' })).status).toBe(200)
    expect((await stack.post({ userId: 'r2' })).status).toBe(200)
    const res = await stack.post({ userId: 'r3' })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(20)
    const body = (await res.json()) as { error: { code: string; retryable: boolean } }
    expect(body.error).toMatchObject({ code: 'Broker.RateLimited', retryable: true })
    expect((await fetch(`${stack.broker.url}/healthz`)).status).toBe(200)
  })
})

describe('single flight per UserId', () => {
  it('shares one upstream call between concurrent requests for the same UserId', async () => {
    const stack = await startStack({ emulator: { latencyMs: 150 } })
    stack.emu.resetCalls()
    const answers = await Promise.all([stack.post({ userId: 'same' }), stack.post({ userId: 'same' }), stack.post({ userId: 'same' })])
    const bodies = (await Promise.all(answers.map((res) => res.json()))) as Array<{ requestId: string }>
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200])
    expect(new Set(bodies.map((body) => body.requestId)).size).toBe(1)
    expect(stack.emu.calls.filter((call) => call.action === 'ApplyConcurrent')).toHaveLength(1)
  })
})

describe('authorize hook', () => {
  it('answers 401 Broker.Unauthorized when the hook says no, before anything is signed', async () => {
    const stack = await startStack({ brokerOptions: { authorize: (req) => req.headers.authorization === 'Bearer good' } })
    stack.emu.resetCalls()
    const res = await stack.post({ userId: 'a1' }, { authorization: 'Bearer bad' })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Broker.Unauthorized')
    expect(stack.emu.calls).toHaveLength(0)
    expect((await stack.post({ userId: 'a1' }, { authorization: 'Bearer good' })).status).toBe(200)
  })

  it('binds the UserId to the one the hook returns', async () => {
    const stack = await startStack({ brokerOptions: { authorize: async () => ({ userId: 'account-42' }) } })
    const res = await stack.post({ userId: 'whatever-the-page-says' })
    expect(await res.json()).toMatchObject({ userId: 'account-42' })
    expect(stack.emu.calls.at(-1)?.userId).toBe('account-42')
  })

  it('answers a JSON 500 without a stack when the hook throws', async () => {
    const stack = await startStack({
      brokerOptions: {
        authorize: () => {
          throw new Error('database down')
        },
      },
    })
    const res = await stack.post({ userId: 'a2' })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('database down')
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    expect(stack.logs.some((entry) => entry.event === 'unexpected_error')).toBe(true)
  })
})

describe('security headers', () => {
  it('sends the security headers and no X-Powered-By on every answer', async () => {
    const stack = await startStack()
    for (const res of [await fetch(`${stack.broker.url}/healthz`), await stack.post({}), await fetch(`${stack.broker.url}/missing`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(res.headers.get('x-powered-by')).toBeNull()
    }
  })
})
