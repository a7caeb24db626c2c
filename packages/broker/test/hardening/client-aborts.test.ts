import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../support/start-stack.js'
import { rawRequest } from './support/raw-request.js'

/** Opens a raw TCP connection to the broker, writes `bytes`, and destroys it after `closeAfterMs`. */
function writeAndHangUp(url: string, bytes: string, closeAfterMs: number): Promise<void> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(bytes)
      setTimeout(() => {
        socket.destroy()
        resolve()
      }, closeAfterMs)
    })
    socket.on('error', () => resolve())
  })
}

describe('clients that hang up early do not hurt the broker', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack({ env: { CARKIT_ALLOWED_ORIGINS: undefined }, emulator: { capacity: 5, latencyMs: 300 } })
  })

  afterAll(async () => {
    await stack?.close()
  })

  const body = '{"userId":"quitter"}'
  const head = (length: number): string => `POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`

  it('survives a client that leaves while its upstream call is in flight, and grants that user afterwards', async () => {
    await writeAndHangUp(stack.broker.url, head(body.length) + body, 50)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(stack.emu.calls.map((call) => call.userId)).toEqual(['quitter'])
    const again = await rawRequest(stack.broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body })
    expect(again.status).toBe(200)
  })

  it('survives a body cut off before its Content-Length and signs nothing for it', async () => {
    stack.emu.resetCalls()
    await writeAndHangUp(stack.broker.url, head(200) + '{"userId":"half', 50)
    await writeAndHangUp(stack.broker.url, 'POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Ty', 50)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(stack.emu.calls).toEqual([])
    expect((await rawRequest(stack.broker.url, { method: 'GET', path: '/healthz' })).status).toBe(200)
  })

  it('logged no unexpected error for any of it', () => {
    expect(stack.logs.filter((entry) => entry.event === 'unexpected_error')).toEqual([])
  })
})
