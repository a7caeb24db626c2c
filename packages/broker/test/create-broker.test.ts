import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator } from '@carkit/emulator'
import express from 'express'
import { describe, expect, it } from 'vitest'
import { attachEmulator, createBroker, loadConfig, startBroker, type LogEntry } from '../src/index.js'
import { startBrokerAt } from './support/start-broker-at.js'

async function listen(app: express.Express): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe('createBroker inside a host app', () => {
  it('starts a local emulator on first use when the config has no credentials (emulator mode)', async () => {
    const logs: LogEntry[] = []
    const app = express()
    app.use('/car', createBroker(loadConfig({}), { logger: (entry) => logs.push(entry) }))
    const { url, server } = await listen(app)
    const apply = (userId: string) =>
      fetch(`${url}/car/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
    try {
      const [first, second] = await Promise.all([apply('emu-1'), apply('emu-2')])
      expect(await first.json()).toMatchObject({ userId: 'emu-1', projectId: 'cap-demo' })
      expect(second.status).toBe(200)
      // The default emulator capacity is 2 slots per project, so a third user finds none.
      const third = await apply('emu-3')
      expect(third.status).toBe(503)
      expect(((await third.json()) as { error: { code: string } }).error.code).toBe('ResourceNotFound.NoIdle')
      expect(await (await fetch(`${url}/car/healthz`)).json()).toEqual({ status: 'ok', upstream: 'emulator' })
      expect(logs.filter((entry) => entry.event === 'emulator_mode')).toHaveLength(1)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('validates options by name', () => {
    const config = attachEmulator(loadConfig({}), 'http://127.0.0.1:1', { secretId: 'AKIDx', secretKey: 'k' })
    expect(() => createBroker(config, { upstreamTimeoutMs: 0 })).toThrow(/`upstreamTimeoutMs`/)
  })

  it('serves under a prefix, works after express.json(), and leaves other paths to the host app', async () => {
    const emu = await startEmulator()
    const app = express()
    app.use(express.json())
    app.use('/car', createBroker(attachEmulator(loadConfig({}), emu.url, emu.credentials), { logger: () => {} }))
    app.get('/car/other', (_req, res) => {
      res.send('host app')
    })
    const { url, server } = await listen(app)
    try {
      const res = await fetch(`${url}/car/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"host1"}' })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ userId: 'host1', projectId: 'cap-demo' })
      expect(await (await fetch(`${url}/car/other`)).text()).toBe('host app')
      const bad = await fetch(`${url}/car/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"host1","x":1}' })
      expect(bad.status).toBe(400)
    } finally {
      server.closeAllConnections()
      server.close()
      await emu.close()
    }
  })
  it('reads X-Forwarded-For only as CARKIT_TRUST_PROXY allows, whatever the host app trusts', async () => {
    const emu = await startEmulator()
    const mount = (trustProxy: string | undefined, appTrust: boolean) => {
      const app = express()
      app.set('trust proxy', appTrust)
      const env = trustProxy === undefined ? {} : { CARKIT_TRUST_PROXY: trustProxy }
      app.use('/car', createBroker(attachEmulator(loadConfig(env), emu.url, emu.credentials), { logger: () => {} }))
      return listen(app)
    }
    const trustingHost = await mount(undefined, true)
    const trustingBroker = await mount('loopback', false)
    const apply = (url: string, userId: string) =>
      fetch(`${url}/car/v1/apply-concurrent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ userId }),
      })
    try {
      expect((await apply(trustingHost.url, 'xff-host')).status).toBe(200)
      expect((await apply(trustingBroker.url, 'xff-broker')).status).toBe(200)
      const ipOf = (userId: string) => emu.calls.find((call) => call.userId === userId)?.userIp
      expect(ipOf('xff-host')).toBe('127.0.0.1')
      expect(ipOf('xff-broker')).toBe('203.0.113.9')
    } finally {
      for (const { server } of [trustingHost, trustingBroker]) {
        server.closeAllConnections()
        server.close()
      }
      await emu.close()
    }
  })
})

describe('startBroker', () => {
  it('never starts an emulator when credentials are set', async () => {
    const emu = await startEmulator()
    const broker = await startBrokerAt(emu.url, emu.credentials)
    try {
      expect(broker.upstream).toBe('tencent')
      expect(broker.emulator).toBeUndefined()
      expect(await (await fetch(`${broker.url}/healthz`)).json()).toEqual({ status: 'ok', upstream: 'tencent' })
    } finally {
      await broker.close()
      await emu.close()
    }
  })

  it('lets a request in flight finish when closed', async () => {
    const broker = await startBroker({ host: '127.0.0.1', port: 0, env: {}, emulator: { latencyMs: 300 }, brokerOptions: { logger: () => {} } })
    const inFlight = fetch(`${broker.url}/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"late"}' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const closed = broker.close()
    const res = await inFlight
    expect(res.status).toBe(200)
    await closed
    await expect(fetch(`${broker.url}/healthz`)).rejects.toThrow()
  })
})

describe('startBroker with bad options', () => {
  it('throws naming the option before starting an emulator', async () => {
    await expect(startBroker({ host: '127.0.0.1', port: 0, env: {}, brokerOptions: { upstreamQueueLimit: -1 } })).rejects.toThrow(/`upstreamQueueLimit`/)
  })
})
