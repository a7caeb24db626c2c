import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sleep } from './sleep.js'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('sleep', () => {
  it('resolves after the delay', async () => {
    let done = false
    const p = sleep(1000, new AbortController().signal).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await p
    expect(done).toBe(true)
  })

  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const p = sleep(60_000, controller.signal)
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(p).rejects.toBe(reason)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort('gone')
    await expect(sleep(60_000, controller.signal)).rejects.toBe('gone')
  })
})
