import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@carkit/emulator'
import { startBroker, type LogEntry, type RunningBroker } from '../../src/index.js'
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
  let emu: Emulator
  let broker: RunningBroker
  const logs: LogEntry[] = []

  beforeAll(async () => {
    emu = await startEmulator({ capacity: 5, latencyMs: 300 })
    broker = await startBroker({
      host: '127.0.0.1',
      port: 0,
      env: {
        CARKIT_SECRET_ID: emu.credentials.secretId,
        CARKIT_SECRET_KEY: emu.credentials.secretKey,
        CARKIT_ENDPOINT: emu.url,
        CARKIT_PROJECT_IDS: 'cap-demo',
        CARKIT_RATE_LIMIT: '1000/sec',
      },
      brokerOptions: { logger: (entry) => logs.push(entry) },
    })
  })

  afterAll(async () => {
    await broker?.close()
    await emu?.close()
  })

  const body = '{"userId":"quitter"}'
  const head = (length: number): string => `POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`

  it('survives a client that leaves while its upstream call is in flight, and grants that user afterwards', async () => {
    await writeAndHangUp(broker.url, head(body.length) + body, 50)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(emu.calls.map((call) => call.userId)).toEqual(['quitter'])
    const again = await rawRequest(broker.url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body })
    expect(again.status).toBe(200)
  })

  it('survives a body cut off before its Content-Length and signs nothing for it', async () => {
    emu.resetCalls()
    await writeAndHangUp(broker.url, head(200) + '{"userId":"half', 50)
    await writeAndHangUp(broker.url, 'POST /v1/apply-concurrent HTTP/1.1\r\nHost: x\r\nContent-Ty', 50)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(emu.calls).toEqual([])
    expect((await rawRequest(broker.url, { method: 'GET', path: '/healthz' })).status).toBe(200)
  })

  it('logged no unexpected error for any of it', () => {
    expect(logs.filter((entry) => entry.event === 'unexpected_error')).toEqual([])
  })
})
