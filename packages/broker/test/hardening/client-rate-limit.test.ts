import { describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../src/index.js'
import { stacksClosedAfterEach } from '../support/stacks-closed-after-each.js'
import type { Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import { rawRequest } from './support/raw-request.js'

const startStack = stacksClosedAfterEach()

/** A stack with no Origin allow-list, throttled by `env.CARKIT_RATE_LIMIT`. */
function start(env: { CARKIT_RATE_LIMIT: string; CARKIT_TRUST_PROXY?: string }): Promise<Stack> {
  return startStack({ env: { CARKIT_ALLOWED_ORIGINS: undefined, ...env }, emulator: { capacity: 50 } })
}

const apply = (broker: RunningBroker, userId: string, headers: Record<string, string> = {}): Promise<number> =>
  rawRequest(broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ userId }) }).then((res) => res.status)

describe('per-client rate limit', () => {
  it('refuses the request over the budget with a retryable 429 and Retry-After, and signs nothing for it', async () => {
    const { emu, broker } = await start({ CARKIT_RATE_LIMIT: '3/hour' })
    expect([await apply(broker, 'r1'), await apply(broker, 'r2'), await apply(broker, 'r3')]).toEqual([200, 200, 200])
    const refused = await rawRequest(broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: '{"userId":"r4"}' })
    expect(refused.status).toBe(429)
    expect(expectContractError(refused)).toMatchObject({ code: 'Broker.RateLimited', retryable: true })
    // One token per 20 minutes: Retry-After says so in whole seconds.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(1_000)
    expect(emu.calls.map((call) => call.userId)).toEqual(['r1', 'r2', 'r3'])
  })

  it('does not rate limit /healthz', async () => {
    const { broker } = await start({ CARKIT_RATE_LIMIT: '1/hour' })
    const statuses = await Promise.all(Array.from({ length: 50 }, () => rawRequest(broker.url, { method: 'GET', path: '/healthz' }).then((res) => res.status)))
    expect(new Set(statuses)).toEqual(new Set([200]))
    expect(await apply(broker, 'still-has-budget')).toBe(200)
  })

  it('cannot be dodged by writing X-Forwarded-For when no proxy is trusted', async () => {
    const { broker } = await start({ CARKIT_RATE_LIMIT: '2/hour' })
    const statuses = [] as number[]
    for (let i = 0; i < 4; i++) statuses.push(await apply(broker, `dodger-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` }))
    expect(statuses).toEqual([200, 200, 429, 429])
  })

  it('gives each client behind a trusted proxy its own budget', async () => {
    const { broker } = await start({ CARKIT_RATE_LIMIT: '1/hour', CARKIT_TRUST_PROXY: 'loopback' })
    expect(await apply(broker, 'c1', { 'x-forwarded-for': '203.0.113.1' })).toBe(200)
    expect(await apply(broker, 'c2', { 'x-forwarded-for': '203.0.113.2' })).toBe(200)
    expect(await apply(broker, 'c1-again', { 'x-forwarded-for': '203.0.113.1' })).toBe(429)
  })
})
