import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogEntry, RunningBroker } from '../../src/index.js'
import { freePort } from '../support/free-port.js'
import { startBrokerAt } from '../support/start-broker-at.js'
import { expectContractError } from './support/error-shape.js'
import { faultRows } from './support/fault-matrix-rows.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'
import { answerJson, startScriptedUpstream, type ScriptedUpstream } from './support/scripted-upstream.js'

const upstreamTimeoutMs = 400
const secrets = { secretId: 'AKIDfaultmatrix0000000000', secretKey: 'fault-matrix-secret-key-5d1e' }

function apply(url: string, userId: string): Promise<RawResponse> {
  return rawRequest(url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
}

describe('fault matrix: every upstream fault becomes the contract status and code, and the broker keeps serving', () => {
  let upstream: ScriptedUpstream
  let broker: RunningBroker
  const logs: LogEntry[] = []
  const table: string[] = []

  beforeAll(async () => {
    upstream = await startScriptedUpstream()
    broker = await startBrokerAt(upstream.url, secrets, {
      env: { CARKIT_RATE_LIMIT: '10000/sec' },
      brokerOptions: { upstreamTimeoutMs, logger: (entry) => logs.push(entry) },
    })
  })

  afterAll(async () => {
    await broker?.close()
    await upstream?.close()
    console.info(['| upstream fault | HTTP | code | retryable | Retry-After |', '|---|---|---|---|---|', ...table].join('\n'))
  })

  it.each(faultRows.map((row, index) => ({ ...row, index })))('$fault → $status $code', async (row) => {
    upstream.script(row.script)
    const started = Date.now()
    const res = await apply(broker.url, `fault-${row.index}`)
    const elapsedMs = Date.now() - started
    const error = expectContractError(res)
    table.push(`| ${row.fault} | ${res.status} | \`${error.code}\` | ${error.retryable ? 'yes' : 'no'} | ${res.headers['retry-after'] ?? '—'} |`)
    expect({ status: res.status, code: error.code, retryable: error.retryable }).toEqual({ status: row.status, code: row.code, retryable: row.retryable })
    if (row.retryable) expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/)
    else expect(res.headers['retry-after']).toBeUndefined()
    if (row.requestId !== undefined) expect(error.requestId).toBe(row.requestId)
    if (row.hidden !== undefined) {
      expect(res.body).not.toContain(row.hidden)
      expect(res.body).not.toContain('AKIDleak')
    }
    // Within the upstream timeout, give or take a noisy machine; never the 20 s default.
    expect(elapsedMs).toBeLessThan(upstreamTimeoutMs + 4_000)
    expect(upstream.requests).toBeGreaterThanOrEqual(1)
    const health = await rawRequest(broker.url, { method: 'GET', path: '/healthz' })
    expect(health.status).toBe(200)
  })

  it('logs AuthFailure details for the operator only, with the secrets redacted', () => {
    const authLines = logs.filter((entry) => entry.event === 'upstream_auth_failure' || entry.event === 'clock_skew')
    expect(authLines.map((entry) => entry.code)).toEqual(expect.arrayContaining(['AuthFailure.SignatureFailure', 'AuthFailure.SecretIdNotFound']))
    const text = JSON.stringify(logs)
    expect(text).not.toContain(secrets.secretKey)
    expect(text).not.toContain(secrets.secretId)
  })

  it('still grants a normal request after the whole matrix', async () => {
    upstream.script((_req, res) => answerJson(res, {}, 'req-after-matrix'))
    const res = await apply(broker.url, 'after-matrix')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ requestId: 'req-after-matrix', userId: 'after-matrix', projectId: 'cap-demo' })
  })

  it('answers 502 Broker.UpstreamUnavailable when nothing listens on the upstream port', async () => {
    const closed = await startBrokerAt(`http://127.0.0.1:${await freePort()}`, secrets, { brokerOptions: { upstreamTimeoutMs } })
    try {
      const res = await apply(closed.url, 'closed-port')
      const error = expectContractError(res)
      table.push(`| closed port (connection refused) | ${res.status} | \`${error.code}\` | ${error.retryable ? 'yes' : 'no'} | ${res.headers['retry-after'] ?? '—'} |`)
      expect({ status: res.status, code: error.code, retryable: error.retryable }).toEqual({ status: 502, code: 'Broker.UpstreamUnavailable', retryable: true })
      expect((await rawRequest(closed.url, { method: 'GET', path: '/healthz' })).status).toBe(200)
    } finally {
      await closed.close()
    }
  })
})
