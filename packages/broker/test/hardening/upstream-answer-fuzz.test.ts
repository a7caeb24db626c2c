import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogEntry, RunningBroker } from '../../src/index.js'
import { startBrokerAt } from '../support/start-broker-at.js'
import { expectContractError } from './support/error-shape.js'
import { rawRequest } from './support/raw-request.js'
import { startScriptedUpstream, type ScriptedUpstream } from './support/scripted-upstream.js'

const numRuns = 400

/** What the fake Tencent Cloud answers: any status, any body, well-formed or not. */
interface UpstreamReply {
  status: number
  body: Buffer
}

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'AuthFailure', 'RequestLimitExceeded.X', 'ResourceNotFound.NoIdle'))
const response = fc.oneof(
  fc.record({ Error: fc.record({ Code: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })), Message: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }), RequestId: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
  fc.record({ RequestId: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })), SessionDescribe: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
  fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
)
const reply: fc.Arbitrary<UpstreamReply> = fc.record({
  status: fc.oneof({ weight: 4, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.integer({ min: 201, max: 599 }).filter((s) => s !== 204 && s !== 304) }),
  body: fc.oneof(
    { weight: 4, arbitrary: response.map((value) => Buffer.from(JSON.stringify({ Response: value }))) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  ),
})

describe('property-based fuzz of what Tencent Cloud answers', () => {
  let upstream: ScriptedUpstream
  let broker: RunningBroker
  const logs: LogEntry[] = []

  beforeAll(async () => {
    upstream = await startScriptedUpstream()
    broker = await startBrokerAt(upstream.url, { secretId: 'AKIDanswerfuzz', secretKey: 'answer-fuzz-secret-key' }, {
      env: { CARKIT_RATE_LIMIT: '100000/sec', CARKIT_UPSTREAM_RPS: '100000' },
      brokerOptions: { upstreamTimeoutMs: 2_000, logger: (entry) => logs.push(entry) },
    })
  })

  afterAll(async () => {
    await broker?.close()
    await upstream?.close()
  })

  it(`turns ${numRuns} random upstream answers into a grant or a contract error, never a 500`, async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(reply, async ({ status, body }) => {
        upstream.script((_req, res) => res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length }).end(body))
        const userId = `answer-${n++}`
        const res = await rawRequest(broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }), timeoutMs: 5_000 })
        const upstreamJson = (() => {
          try {
            return JSON.parse(body.toString('utf8')) as { Response?: { RequestId?: unknown; Error?: unknown } }
          } catch {
            return undefined
          }
        })()
        if (res.status === 200) {
          // Only an HTTP 200 with a Response that has a string RequestId and no Error is a grant.
          expect(status).toBe(200)
          expect(upstreamJson?.Response?.Error).toBeUndefined()
          expect(JSON.parse(res.body)).toEqual({ requestId: upstreamJson?.Response?.RequestId, userId, projectId: 'cap-demo' })
          return
        }
        const error = expectContractError(res)
        expect([409, 429, 502, 503, 504], `${error.code}: ${error.message}`).toContain(res.status)
        if (status !== 200) expect(error.code).toBe('Broker.UpstreamUnavailable')
      }),
      { numRuns },
    )
    expect(logs.filter((entry) => entry.event === 'unexpected_error')).toEqual([])
    expect((await rawRequest(broker.url, { method: 'GET', path: '/healthz' })).status).toBe(200)
  }, 120_000)
})
