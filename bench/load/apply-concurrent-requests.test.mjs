// @ts-check
import { afterEach, describe, expect, it } from 'vitest'
import { signTc3 } from '@carkit/broker'
import { startEmulator } from '@carkit/emulator'
import {
  brokerApplyConcurrentRequests,
  createUserIdSequence,
  isBrokerGrant,
  isCarApiSuccess,
  signedEmulatorApplyConcurrentRequests,
} from './apply-concurrent-requests.mjs'

/** @type {Array<() => Promise<void>>} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('request builders', () => {
  it('never repeats a UserId and keeps to CAR\'s prudent alphabet', () => {
    const next = createUserIdSequence()
    const ids = Array.from({ length: 5000 }, next)
    expect(new Set(ids).size).toBe(5000)
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(createUserIdSequence()()).not.toBe(createUserIdSequence()())
  })

  it('builds broker requests with a fresh userId each time', () => {
    const next = brokerApplyConcurrentRequests({ projectId: 'cap-bench' })
    const first = next()
    const second = next()
    expect(first.path).toBe('/v1/apply-concurrent')
    expect(first.headers['content-type']).toBe('application/json')
    expect(JSON.parse(first.body)).toEqual({ userId: expect.any(String), projectId: 'cap-bench' })
    expect(JSON.parse(first.body).userId).not.toBe(JSON.parse(second.body).userId)
  })

  it('signs direct calls so the emulator grants them', async () => {
    const emulator = await startEmulator({ capacity: 10, projects: ['cap-bench'] })
    cleanups.push(() => emulator.close())
    const next = signedEmulatorApplyConcurrentRequests({ url: emulator.url, ...emulator.credentials, projectId: 'cap-bench', signTc3 })
    for (let i = 0; i < 3; i++) {
      const request = next()
      const response = await fetch(new URL(request.path, emulator.url), { method: 'POST', headers: request.headers, body: request.body })
      expect(isCarApiSuccess(response.status, await response.text())).toBe(true)
    }
    expect(emulator.calls.map((call) => call.code)).toEqual(['OK', 'OK', 'OK'])
    expect(new Set(emulator.calls.map((call) => call.userId)).size).toBe(3)
  })
})

describe('answer checks', () => {
  it('counts a Tencent error inside HTTP 200 as a failure', () => {
    expect(isCarApiSuccess(200, '{"Response":{"Error":{"Code":"ResourceNotFound.NoIdle","Message":"x"},"RequestId":"r"}}')).toBe(false)
    expect(isCarApiSuccess(200, '{"Response":{"RequestId":"r"}}')).toBe(true)
  })

  it('accepts only a 200 grant from a broker', () => {
    expect(isBrokerGrant(200, '{"requestId":"r","userId":"u","projectId":"cap-bench"}')).toBe(true)
    expect(isBrokerGrant(503, '{"error":{"code":"ResourceNotFound.NoIdle","message":"m","retryable":true}}')).toBe(false)
  })
})
