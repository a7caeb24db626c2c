// @ts-check
import { once } from 'node:events'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { runLoad } from './run-load.mjs'

/** @type {http.Server | undefined} */
let server
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

describe('runLoad', () => {
  it('sends each request as built, and counts successes and failures by the answer', async () => {
    /** @type {string[]} */
    const bodies = []
    let count = 0
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        bodies.push(body)
        if (count++ % 2 === 0) res.writeHead(200).end('{"requestId":"r"}')
        else res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"ResourceNotFound.NoIdle"}}')
      })
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
    let n = 0
    const result = await runLoad({
      url: `http://127.0.0.1:${port}`,
      connections: 2,
      durationSec: 1,
      nextRequest: () => ({ path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: `u${n++}` }) }),
      isSuccess: (status) => status === 200,
    })
    expect(result.completed).toBeGreaterThan(10)
    expect(result.succeeded + result.failed).toBe(result.completed)
    expect(result.succeeded).toBeGreaterThan(0)
    expect(result.failures['503 ResourceNotFound.NoIdle']).toBe(result.failed)
    expect(result.requestsPerSec).toBeCloseTo(result.succeeded / result.durationSec)
    expect(result.latenciesMs).toHaveLength(result.completed)
    expect(result.p50Ms).toBeGreaterThan(0)
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms)
    const userIds = bodies.map((body) => JSON.parse(body).userId)
    expect(new Set(userIds).size).toBe(userIds.length)
  })
})
