import { describe, expect, it } from 'vitest'
import { stacksClosedAfterEach } from './support/stacks-closed-after-each.js'

const startStack = stacksClosedAfterEach()

describe('UserIp and X-Forwarded-For', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const stack = await startStack()
    const res = await stack.post({ userId: 'x1' }, { 'x-forwarded-for': '203.0.113.9' })
    expect(res.status).toBe(200)
    expect(stack.emu.calls.at(-1)?.userIp).toBe('127.0.0.1')
  })

  it('uses X-Forwarded-For when CARKIT_TRUST_PROXY trusts the loopback proxy', async () => {
    const stack = await startStack({ env: { CARKIT_TRUST_PROXY: 'loopback' } })
    const res = await stack.post({ userId: 'x2' }, { 'x-forwarded-for': '198.51.100.4, 203.0.113.9' })
    expect(res.status).toBe(200)
    expect(stack.emu.calls.at(-1)?.userIp).toBe('203.0.113.9')
  })

  it('takes only the hops it trusts from a spoofed X-Forwarded-For chain', async () => {
    const stack = await startStack({ env: { CARKIT_TRUST_PROXY: '1' } })
    await stack.post({ userId: 'x3' }, { 'x-forwarded-for': '6.6.6.6, 198.51.100.4' })
    expect(stack.emu.calls.at(-1)?.userIp).toBe('198.51.100.4')
  })

  it('falls back to the socket address when a trusted X-Forwarded-For entry is not an IP', async () => {
    const stack = await startStack({ env: { CARKIT_TRUST_PROXY: 'true' } })
    expect((await stack.post({ userId: 'x4' }, { 'x-forwarded-for': 'not-an-ip' })).status).toBe(200)
    expect(stack.emu.calls.at(-1)?.userIp).toBe('127.0.0.1')
  })
})
