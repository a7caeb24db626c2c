import type http from 'node:http'
import { describe, expect, it } from 'vitest'
import type { BrokerOptions, LogEntry, RunningBroker } from '../src/index.js'
import { startFakeUpstream } from './support/fake-upstream.js'
import { startBrokerAt } from './support/start-broker-at.js'

const secretKey = 'fault-test-secret-key-7f3a9c'

/** Runs `use` against a broker in front of a fake upstream that answers with `handler`, then closes both. */
async function withFakeUpstream<T>(handler: http.RequestListener, brokerOptions: BrokerOptions, use: (broker: RunningBroker) => Promise<T>): Promise<T> {
  const upstream = await startFakeUpstream(handler)
  try {
    const broker = await startBrokerAt(upstream.url, { secretId: 'AKIDfaulttest', secretKey }, { brokerOptions })
    try {
      return await use(broker)
    } finally {
      await broker.close()
    }
  } finally {
    await upstream.close()
  }
}

const apply = (broker: RunningBroker, userId: string): Promise<Response> =>
  fetch(`${broker.url}/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })

function applyThrough(handler: http.RequestListener, logs: LogEntry[] = []): Promise<{ status: number; code: string; retryAfter: string | null }> {
  return withFakeUpstream(handler, { upstreamTimeoutMs: 300, logger: (entry) => logs.push(entry) }, async (broker) => {
    const res = await apply(broker, 'u1')
    const body = (await res.json()) as { error?: { code: string } }
    expect((await fetch(`${broker.url}/healthz`)).status).toBe(200)
    return { status: res.status, code: body.error?.code ?? 'OK', retryAfter: res.headers.get('retry-after') }
  })
}

describe('upstream faults become the contract codes and the broker keeps serving', () => {
  it('maps HTTP 500 from upstream to 502 Broker.UpstreamUnavailable', async () => {
    const result = await applyThrough((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end('{"Response":{"RequestId":"r"}}')
    })
    expect(result).toEqual({ status: 502, code: 'Broker.UpstreamUnavailable', retryAfter: expect.any(String) })
  })

  it('maps truncated JSON (connection cut mid-body) to 502 Broker.UpstreamUnavailable', async () => {
    const result = await applyThrough((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"Response":{"Req')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    expect(result.code).toBe('Broker.UpstreamUnavailable')
  })

  it('maps a connection reset before any answer to 502 Broker.UpstreamUnavailable', async () => {
    const result = await applyThrough((req) => req.socket.destroy())
    expect(result.code).toBe('Broker.UpstreamUnavailable')
  })

  it('maps a body that trickles past the timeout to 504 Broker.UpstreamTimeout', async () => {
    const result = await applyThrough((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"Response":')
      setTimeout(() => res.end('{"RequestId":"late"}}'), 1_000).unref()
    })
    expect(result).toEqual({ status: 504, code: 'Broker.UpstreamTimeout', retryAfter: expect.any(String) })
  })

  it('logs how far the clock is off on AuthFailure.SignatureExpire, from the upstream Date header', async () => {
    const logs: LogEntry[] = []
    const result = await applyThrough((_req, res) => {
      const ahead = new Date(Date.now() + 600_000).toUTCString()
      res.writeHead(200, { 'content-type': 'application/json', date: ahead })
      res.end('{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"r-exp"}}')
    }, logs)
    expect(result).toEqual({ status: 502, code: 'AuthFailure.SignatureExpire', retryAfter: null })
    const skew = logs.find((entry) => entry.event === 'clock_skew')
    expect(skew?.skewSec).toBeLessThanOrEqual(-598)
    expect(skew?.skewSec).toBeGreaterThanOrEqual(-602)
    expect(skew?.message).toMatch(/behind/)
  })

  it('removes secrets an upstream echoes in an error message before the page sees it', async () => {
    const echo: http.RequestListener = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ Response: { Error: { Code: 'FailedOperation', Message: `echo ${secretKey} ${req.headers.authorization}` }, RequestId: 'r' } }))
    }
    await withFakeUpstream(echo, {}, async (broker) => {
      const res = await apply(broker, 'u1')
      const text = await res.text()
      expect(res.status).toBe(502)
      expect(text).toContain('FailedOperation')
      expect(text).not.toContain(secretKey)
      expect(text).not.toContain('AKIDfaulttest')
      expect(text).not.toMatch(/Signature=[0-9a-f]{64}/)
    })
  })

  it('never writes the SecretKey or the Authorization header to the log', async () => {
    const logs: LogEntry[] = []
    await applyThrough((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      // A hostile upstream echoing what it received must not leak it through the log either.
      res.end(JSON.stringify({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: `${req.headers.authorization} ${secretKey}` }, RequestId: 'r' } }))
    }, logs)
    const text = JSON.stringify(logs)
    expect(logs.length).toBeGreaterThan(0)
    expect(text).not.toContain(secretKey)
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/)
  })

  it('retries once on a fresh connection when a pooled keep-alive connection turns out closed', async () => {
    const seen = new WeakMap<object, number>()
    let upstreamRequests = 0
    const dropsSecondRequestPerConnection: http.RequestListener = (req, res) => {
      upstreamRequests += 1
      const count = (seen.get(req.socket) ?? 0) + 1
      seen.set(req.socket, count)
      // Second request on a kept-alive connection: drop it, as a server whose idle timeout just fired would.
      if (count > 1) {
        req.socket.destroy()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"Response":{"RequestId":"fresh"}}')
    }
    await withFakeUpstream(dropsSecondRequestPerConnection, {}, async (broker) => {
      expect((await apply(broker, 'k1')).status).toBe(200)
      expect((await apply(broker, 'k2')).status).toBe(200)
      expect(upstreamRequests).toBe(3)
    })
  })
})
