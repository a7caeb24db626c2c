import http from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrokerOptions } from '../../src/index.js'
import { startStack, type Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import { allowedOrigin, allowedProject, invalidRequest } from './support/invalid-requests.js'
import { rawRequest } from './support/raw-request.js'

const numRuns = 2_000

// startBroker serves the routes with its own handler unless an authorize hook needs an
// express.Request; fuzz both ways in.
const ways: Array<{ way: string; options: BrokerOptions }> = [
  { way: 'served directly by startBroker', options: {} },
  { way: 'served through Express (authorize hook set)', options: { authorize: () => true } },
]

describe.each(ways)('property-based fuzz of the broker with requests it must refuse, $way', ({ options }) => {
  let stack: Stack
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

  beforeAll(async () => {
    stack = await startStack({
      env: { CARKIT_PROJECT_IDS: allowedProject, CARKIT_ALLOWED_ORIGINS: allowedOrigin, CARKIT_RATE_LIMIT: '1000000/sec' },
      emulator: { capacity: 4 },
      brokerOptions: options,
    })
  })

  afterAll(async () => {
    agent.destroy()
    await stack?.close()
  })

  it(`answers ${numRuns} random invalid requests with a 4xx contract error and signs none of them`, async () => {
    const seen = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(invalidRequest, async (request) => {
        seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1)
        const res = await rawRequest(stack.broker.url, { ...request, agent })
        expect(request.statuses, `${request.kind}: got ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status)
        expectContractError(res)
        expect(stack.emu.calls.length, `${request.kind} reached the upstream`).toBe(0)
      }),
      { numRuns },
    )
    const total = [...seen.values()].reduce((sum, n) => sum + n, 0)
    expect(total).toBeGreaterThanOrEqual(numRuns)
    // Every kind of breakage was exercised, not only the cheapest one.
    expect(seen.size).toBe(14)
    expect(stack.logs.filter((entry) => entry.event === 'unexpected_error')).toEqual([])
    console.info(`fuzz: ${total} cases`, Object.fromEntries(seen))
  }, 180_000)

  it('is healthy after the fuzz and still grants a valid request, which is signed once', async () => {
    const health = await rawRequest(stack.broker.url, { method: 'GET', path: '/healthz' })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', upstream: 'tencent' })
    const grant = await rawRequest(stack.broker.url, {
      method: 'POST',
      path: '/v1/apply-concurrent',
      headers: { 'content-type': 'application/json', origin: allowedOrigin },
      body: '{"userId":"after-fuzz"}',
    })
    expect(grant.status).toBe(200)
    expect(JSON.parse(grant.body)).toMatchObject({ userId: 'after-fuzz', projectId: allowedProject })
    expect(stack.emu.calls.map((call) => [call.action, call.userId, call.code])).toEqual([['ApplyConcurrent', 'after-fuzz', 'OK']])
  })
})
