import { describe, expect, it } from 'vitest'
import type { Emulator } from '@carkit/emulator'
import type { RunningBroker } from '../../src/index.js'
import { stacksClosedAfterEach } from '../support/stacks-closed-after-each.js'
import type { Stack } from '../support/start-stack.js'
import { expectContractError } from './support/error-shape.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'

const allowedOrigin = 'https://app.example.com'

const startStack = stacksClosedAfterEach()

function start(trustProxy?: string): Promise<Stack> {
  return startStack({ env: { CARKIT_ALLOWED_ORIGINS: allowedOrigin, CARKIT_TRUST_PROXY: trustProxy }, emulator: { capacity: 50 } })
}

function apply(broker: RunningBroker, userId: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(broker.url, {
    method: 'POST',
    path: '/v1/apply-concurrent',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ userId }),
  })
}

/** The UserIp the emulator received for `userId`. */
function userIpSeen(emu: Emulator, userId: string): string | undefined {
  return emu.calls.find((call) => call.userId === userId)?.userIp
}

describe('X-Forwarded-For decides UserIp only when CARKIT_TRUST_PROXY trusts the proxy', () => {
  it('ignores X-Forwarded-For by default and sends the socket address as UserIp', async () => {
    const { emu, broker } = await start()
    expect((await apply(broker, 'spoofer', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200)
    expect((await apply(broker, 'spoofer-2', { 'x-forwarded-for': '203.0.113.9, 198.51.100.4', 'x-real-ip': '192.0.2.55' })).status).toBe(200)
    expect(userIpSeen(emu, 'spoofer')).toBe('127.0.0.1')
    expect(userIpSeen(emu, 'spoofer-2')).toBe('127.0.0.1')
  })

  it('ignores X-Forwarded-For when CARKIT_TRUST_PROXY is false', async () => {
    const { emu, broker } = await start('false')
    expect((await apply(broker, 'explicit-false', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200)
    expect(userIpSeen(emu, 'explicit-false')).toBe('127.0.0.1')
  })

  it('takes the address the trusted loopback proxy saw, not one the client wrote further left', async () => {
    const { emu, broker } = await start('loopback')
    // The client wrote 198.51.100.1 itself; the proxy (on loopback) appended the real peer 203.0.113.9.
    expect((await apply(broker, 'behind-proxy', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).status).toBe(200)
    expect(userIpSeen(emu, 'behind-proxy')).toBe('203.0.113.9')
  })

  it('counts hops from the broker when CARKIT_TRUST_PROXY is a number', async () => {
    const { emu, broker } = await start('2')
    // Socket = proxy 2, rightmost entry = proxy 1, the next one left is the client.
    expect((await apply(broker, 'two-hops', { 'x-forwarded-for': '198.51.100.7, 203.0.113.9, 192.0.2.1' })).status).toBe(200)
    expect(userIpSeen(emu, 'two-hops')).toBe('203.0.113.9')
  })

  it('falls back to the socket address when a trusted X-Forwarded-For is not an IP address', async () => {
    const { emu, broker } = await start('loopback')
    expect((await apply(broker, 'garbage-xff', { 'x-forwarded-for': 'not-an-ip' })).status).toBe(200)
    expect(userIpSeen(emu, 'garbage-xff')).toBe('127.0.0.1')
  })
})

describe('a spoofed Origin that is not allowed is refused and never signed', () => {
  const spoofed = ['https://evil.example', 'https://app.example.com.evil.test', 'http://app.example.com', 'https://app.example.com:444', 'null', 'HTTPS://APP.EXAMPLE.COM ']

  it('answers 403 Broker.OriginNotAllowed to a valid body from each foreign origin, with zero upstream calls', async () => {
    const { emu, broker } = await start('loopback')
    for (const origin of spoofed) {
      const res = await apply(broker, 'victim', { origin, 'x-forwarded-for': '203.0.113.9', referer: `${allowedOrigin}/page` })
      expect(res.status, origin).toBe(403)
      expect(expectContractError(res)).toMatchObject({ code: 'Broker.OriginNotAllowed', retryable: false })
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    const preflight = await rawRequest(broker.url, {
      method: 'OPTIONS',
      path: '/v1/apply-concurrent',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(emu.calls).toEqual([])
  })

  it('grants the same body from the allowed origin, so the refusals above were about the Origin', async () => {
    const { emu, broker } = await start()
    const res = await apply(broker, 'victim', { origin: allowedOrigin })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(allowedOrigin)
    expect(emu.calls).toHaveLength(1)
  })
})
