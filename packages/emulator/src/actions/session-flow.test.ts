import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../index.js'
import { callCar } from '../test-support/call-car.js'
import type { Emulator } from '../types.js'

const IP = '203.0.113.7'

describe('ApplyConcurrent, CreateSession, DestroySession and DescribeConcurrentCount over HTTP', () => {
  let emu: Emulator
  beforeEach(async () => {
    emu = await startEmulator({ capacity: 2 })
  })
  afterEach(async () => {
    await emu.close()
  })
  const call = async (action: string, body: Record<string, unknown>) =>
    (await callCar({ url: emu.url, credentials: emu.credentials, action, body })).response
  const apply = (userId: string) => call('ApplyConcurrent', { UserId: userId, UserIp: IP, ProjectId: 'cap-demo' })
  const create = (userId: string) => call('CreateSession', { UserId: userId, UserIp: IP, ClientSession: 'client-session-data' })
  const codeOf = (response: Awaited<ReturnType<typeof call>>) => response.Error?.Code ?? 'OK'

  it('grants capacity slots, answers ResourceNotFound.NoIdle after, and gives a holder its slot back', async () => {
    expect(codeOf(await apply('u1'))).toBe('OK')
    expect(codeOf(await apply('u2'))).toBe('OK')
    expect(codeOf(await apply('u3'))).toBe('ResourceNotFound.NoIdle')
    expect(codeOf(await apply('u1'))).toBe('OK')
  })

  const withShortLocks = async () => {
    await emu.close()
    emu = await startEmulator({ capacity: 2, lockTtlMs: 1_000 })
  }

  it('grants exactly capacity slots to 20 parallel ApplyConcurrent calls from different users', async () => {
    emu.setCapacity(3)
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => apply(`parallel-${i}`)))
    const codes = answers.map(codeOf)
    expect(codes.filter((code) => code === 'OK')).toHaveLength(3)
    expect(codes.filter((code) => code === 'ResourceNotFound.NoIdle')).toHaveLength(17)
    expect(emu.snapshot().projects['cap-demo']?.slots).toHaveLength(3)
  })

  it('lets a lock expire after lockTtlMs when CreateSession never comes', async () => {
    await withShortLocks()
    await apply('u1')
    await apply('u2')
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect(codeOf(await create('u1'))).toBe('FailedOperation.LockTimeout')
    expect(codeOf(await apply('u3'))).toBe('OK')
  })

  it('answers CreateSession without ApplyConcurrent with FailedOperation.LockTimeout', async () => {
    expect(codeOf(await create('stranger'))).toBe('FailedOperation.LockTimeout')
  })

  it('turns the lock into a running session with a base64 ServerSession that outlives lockTtlMs', async () => {
    await withShortLocks()
    await apply('u1')
    const session = await create('u1')
    expect(codeOf(session)).toBe('OK')
    expect(session['ServerSession']).toMatch(/^[A-Za-z0-9+/]{40,}={0,2}$/)
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect(emu.snapshot().projects['cap-demo']?.slots).toEqual([{ userId: 'u1', state: 'running' }])
  })

  it('frees the slot on DestroySession, and answers it again without error', async () => {
    await apply('u1')
    await apply('u2')
    await create('u2')
    expect(codeOf(await call('DestroySession', { UserId: 'u2' }))).toBe('OK')
    expect(codeOf(await call('DestroySession', { UserId: 'u2' }))).toBe('OK')
    expect(codeOf(await apply('u3'))).toBe('OK')
  })

  it('requires ClientSession unless RunMode is RunWithoutClient', async () => {
    await apply('u1')
    const missing = await call('CreateSession', { UserId: 'u1', UserIp: IP })
    expect(missing.Error?.Code).toBe('MissingParameter')
    expect(missing.Error?.Message).toContain('ClientSession')
    expect(codeOf(await call('CreateSession', { UserId: 'u1', UserIp: IP, RunMode: 'RunWithoutClient' }))).toBe('OK')
  })

  it('checks the CreateSession enumerations and the DestroySession UserId', async () => {
    await apply('u1')
    expect(codeOf(await call('CreateSession', { UserId: 'u1', UserIp: IP, ClientSession: 'c', Role: 'Admin' }))).toBe('InvalidParameterValue')
    expect(codeOf(await call('CreateSession', { UserId: 'u1', UserIp: IP, ClientSession: 'c', Role: 'Viewer' }))).toBe('MissingParameter')
    expect(codeOf(await call('DestroySession', {}))).toBe('MissingParameter')
  })

  it('counts Total and Running slots with DescribeConcurrentCount', async () => {
    await apply('u1')
    const count = await call('DescribeConcurrentCount', { ProjectId: 'cap-demo', ApplicationCategory: 'DESKTOP' })
    expect(count).toMatchObject({ Total: 2, Running: 1 })
    expect(codeOf(await call('DescribeConcurrentCount', { ProjectId: 'cap-none' }))).toBe('InvalidParameterValue')
  })

  it('frees a slot with release() and reports whether one was held', async () => {
    await apply('u1')
    await apply('u2')
    expect(emu.release('u1')).toBe(true)
    expect(emu.release('u1')).toBe(false)
    expect(codeOf(await apply('u3'))).toBe('OK')
  })

  it('applies setCapacity() at run time', async () => {
    emu.setCapacity(0)
    expect(codeOf(await apply('u1'))).toBe('ResourceNotFound.NoIdle')
    emu.setCapacity(1)
    expect(codeOf(await apply('u1'))).toBe('OK')
    expect(() => emu.setCapacity(-1)).toThrow(/`capacity`/)
  })
})
