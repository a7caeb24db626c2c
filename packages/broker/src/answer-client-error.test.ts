import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBroker, type RunningBroker } from './index.js'

let broker: RunningBroker

beforeAll(async () => {
  broker = await startBroker({ host: '127.0.0.1', port: 0, env: {}, brokerOptions: { logger: () => {} } })
})
afterAll(async () => {
  await broker.close()
})

function rawExchange(request: string): Promise<string> {
  const { port } = new URL(broker.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(request))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('answerClientError', () => {
  it('answers a malformed HTTP request with the contract JSON and security headers', async () => {
    const answer = await rawExchange('POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 400 /)
    expect(head).toMatch(/x-content-type-options: nosniff/i)
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'InvalidParameterValue', retryable: false } })
  })

  it('answers oversized headers with 431 JSON', async () => {
    const answer = await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    expect(answer).toContain('"code":"Broker.PayloadTooLarge"')
  })
})
