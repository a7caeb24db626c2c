import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import type { RawResponse } from './support/raw-request.js'

/** Writes `text` on a fresh TCP connection and returns every byte the broker sent until it closed (or 3 s passed). */
function exchange(url: string, text: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    let out = ''
    const socket = net.connect(Number(port), hostname, () => socket.write(text))
    const timer = setTimeout(() => socket.destroy(), 3_000)
    socket.setEncoding('latin1').on('data', (chunk: string) => (out += chunk))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(out)
    })
    socket.on('error', () => {})
  })
}

/** Splits the first HTTP/1.1 answer in `text` into status, headers and body. */
function firstAnswer(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n')
  expect(end, `no complete answer in ${JSON.stringify(text.slice(0, 200))}`).toBeGreaterThan(0)
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const length = Number(headers['content-length'] ?? 0)
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4, end + 4 + length) }
}

describe('requests Node parses oddly or not at all still get the contract JSON error', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: undefined }, emulator: { capacity: 5 } })
  })

  afterAll(async () => {
    await stack?.close()
  })

  const body = '{"userId":"raw-user"}'
  const refusals: Array<[string, string | Buffer, number]> = [
    ['Content-Length and Transfer-Encoding together (request smuggling)', `POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['two different Content-Lengths', `POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\nContent-Length: ${body.length}\r\n\r\n${body}`, 400],
    ['a TLS ClientHello sent to the plain HTTP port', Buffer.from('160301020001000200030355', 'hex'), 400],
    ['a method Node does not know', 'BREW /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['a NUL byte inside a header', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n', 400],
    ['an HTTP/1.1 request without a Host header', 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
    ['a CONNECT tunnel request', 'CONNECT car.tencentcloudapi.com:443 HTTP/1.1\r\nHost: car.tencentcloudapi.com:443\r\n\r\n', 405],
    ['the absolute form of a request target', `POST http://x/v1/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 404],
  ]

  it.each(refusals)('answers %s with a JSON error', async (_name, text, status) => {
    const res = firstAnswer(await exchange(stack.broker.url, text))
    expect(res.status).toBe(status)
    expectContractError(res)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves an Expect other than 100-continue as a normal request (RFC 9110 lets the server ignore it) or refuses it in JSON', async () => {
    const res = firstAnswer(await exchange(stack.broker.url, `POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`))
    if (res.status === 200) expect(JSON.parse(res.body)).toMatchObject({ userId: 'raw-user' })
    else expectContractError(res)
  })

  it('answers pipelined requests in order on one connection', async () => {
    const text = await exchange(stack.broker.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 404'])
  })

  it('signed nothing for any of these', () => {
    expect(stack.emu.calls.filter((call) => call.userId !== 'raw-user')).toEqual([])
  })
})
