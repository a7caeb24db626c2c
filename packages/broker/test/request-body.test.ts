import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './support/start-stack.js'

let stack: Stack

beforeAll(async () => {
  stack = await startStack({ emulator: { capacity: 100 } })
})
afterAll(async () => {
  await stack.close()
})

function rawPost(chunks: string[], headers: http.OutgoingHttpHeaders): Promise<{ status: number; body: string }> {
  const url = new URL('/v1/apply-concurrent', stack.broker.url)
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('request body handling', () => {
  it('refuses a chunked body that grows past 4 KiB without a Content-Length', async () => {
    const chunks = ['{"userId":"u1","pad":"', ...Array.from({ length: 6 }, () => 'x'.repeat(1000)), '"}']
    const res = await rawPost(chunks, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'Broker.PayloadTooLarge', retryable: false } })
  })

  it('accepts a body of exactly 4 KiB', async () => {
    const prefix = '{"userId":"'
    const body = `${prefix}${'a'.repeat(64)}"${' '.repeat(4096 - prefix.length - 64 - 2)}}`
    expect(Buffer.byteLength(body)).toBe(4096)
    expect((await rawPost([body], { 'content-type': 'application/json' })).status).toBe(200)
  })

  it('accepts application/json with charset=utf-8 and refuses other charsets and a missing type', async () => {
    expect((await stack.post({ userId: 'c1' }, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200)
    expect((await stack.post({ userId: 'c2' }, { 'content-type': 'application/json; charset=latin1' })).status).toBe(415)
    expect((await rawPost(['{"userId":"c3"}'], {})).status).toBe(415)
  })

  it('reads a body that arrives in many small pieces', async () => {
    const text = JSON.stringify({ userId: 'pieces' })
    const res = await rawPost([...text], { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
    expect(res.status).toBe(200)
  })
})
