import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index.js'
import { callCar } from './test-support/call-car.js'
import type { Emulator, StartEmulatorOptions } from './types.js'

const APPLY = { UserId: 'knob-user', UserIp: '203.0.113.7', ProjectId: 'cap-demo' }

describe('test knobs', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })
  const start = async (options: StartEmulatorOptions = {}) => {
    emu = await startEmulator(options)
    return emu
  }
  const apply = async (e: Emulator, body: Record<string, unknown> = APPLY, action = 'ApplyConcurrent') =>
    (await callCar({ url: e.url, credentials: e.credentials, action, body })).response

  it('answers RequestLimitExceeded above rateLimitPerSecond calls of one action per second', async () => {
    const e = await start({ capacity: 100, rateLimitPerSecond: 2 })
    // Five calls span at most two one-second windows, so at least one is over the limit of 2.
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => apply(e, { ...APPLY, UserId: `rl-${i}` })))
    const codes = answers.map((a) => a.Error?.Code ?? 'OK')
    expect(codes).toContain('RequestLimitExceeded')
    expect(codes.filter((c) => c === 'OK').length).toBeLessThanOrEqual(4)
    expect(codes.every((c) => c === 'OK' || c === 'RequestLimitExceeded')).toBe(true)
  })

  it('forces the next call to answer the failNext code after the signature checks, then goes back to normal', async () => {
    const e = await start()
    e.failNext('ApplyConcurrent', 'ResourceUnavailable.Initialization', { message: 'warming up' })
    const wrongKey = await callCar({ url: e.url, credentials: { ...e.credentials, secretKey: 'x' }, action: 'ApplyConcurrent', body: APPLY })
    expect(wrongKey.response.Error?.Code).toBe('AuthFailure.SignatureFailure')
    expect(await apply(e)).toMatchObject({ Error: { Code: 'ResourceUnavailable.Initialization', Message: 'warming up' } })
    expect((await apply(e)).Error).toBeUndefined()
  })

  it('leaves quota untouched when a fault is injected', async () => {
    const e = await start()
    e.failNext('*', 'InternalError', { times: 2 })
    expect((await apply(e)).Error?.Code).toBe('InternalError')
    expect((await apply(e, { UserId: 'knob-user' }, 'DestroySession')).Error?.Code).toBe('InternalError')
    expect(e.snapshot().projects['cap-demo']?.slots).toEqual([])
  })

  it('delays every answer by latencyMs, changeable with setLatency', async () => {
    const e = await start({ latencyMs: 250 })
    let started = performance.now()
    await apply(e)
    expect(performance.now() - started).toBeGreaterThanOrEqual(240)
    e.setLatency(0)
    e.setLatency(300)
    started = performance.now()
    await apply(e)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(() => e.setLatency(-1)).toThrow(/`latencyMs`/)
  })

  it('closes promptly while answers are held back by latency', async () => {
    const e = await start({ latencyMs: 60_000 })
    const pending = apply(e).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await e.close()
    expect(await pending).toBeInstanceOf(Error)
  })

  it('logs every request in order with action, code and body ids, and empties the log on resetCalls', async () => {
    const e = await start({ capacity: 1 })
    const before = Date.now()
    await apply(e)
    await apply(e, { ...APPLY, UserId: 'other' })
    await apply(e, {}, 'Nope')
    expect(e.calls).toEqual([
      { action: 'ApplyConcurrent', at: expect.any(Number), code: 'OK', userId: 'knob-user', projectId: 'cap-demo', userIp: '203.0.113.7' },
      { action: 'ApplyConcurrent', at: expect.any(Number), code: 'ResourceNotFound.NoIdle', userId: 'other', projectId: 'cap-demo', userIp: '203.0.113.7' },
      { action: 'Nope', at: expect.any(Number), code: 'InvalidAction' },
    ])
    expect(e.calls[0]?.at).toBeGreaterThanOrEqual(before)
    e.resetCalls()
    expect(e.calls).toEqual([])
  })

  it('keeps only the newest callLogSize calls', async () => {
    const e = await start({ callLogSize: 2, capacity: 10 })
    for (const userId of ['a', 'b', 'c']) await apply(e, { ...APPLY, UserId: userId })
    expect(e.calls.map((c) => c.userId)).toEqual(['b', 'c'])
  })

  it('reports the URL it listens on and the credentials it accepts', async () => {
    const credentials = { secretId: 'AKIDfixed', secretKey: 'fixed-key' }
    const e = await start({ credentials })
    expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(e.credentials).toEqual(credentials)
  })

  it('rejects when the port is taken', async () => {
    const e = await start()
    await expect(startEmulator({ port: Number(new URL(e.url).port) })).rejects.toThrow(/EADDRINUSE/)
  })
})
