// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { singleFlight } from './single-flight.js'

const abortError = () => new Error('aborted')

/** A task that settles only when told to, or rejects with the abort reason. */
const controllable = () => {
  let finish: (value: string) => void = () => {}
  let seen: AbortSignal | undefined
  const task = (signal: AbortSignal) => {
    seen = signal
    return new Promise<string>((resolve, reject) => {
      finish = resolve
      signal.addEventListener('abort', () => reject(signal.reason))
    })
  }
  return { task, finish: (v: string) => finish(v), signal: () => seen }
}

describe('singleFlight', () => {
  it('runs the task once and gives every caller its result', async () => {
    const { task, finish } = controllable()
    const run = vi.fn(task)
    const flight = singleFlight(run, () => {}, abortError)
    const both = Promise.all([flight.join(), flight.join()])
    finish('done')
    expect(await both).toEqual(['done', 'done'])
    expect(run).toHaveBeenCalledOnce()
  })

  it('rejects only the caller whose signal aborts, and keeps the run for the others', async () => {
    const { task, finish, signal } = controllable()
    const onAbort = vi.fn()
    const flight = singleFlight(task, onAbort, abortError)
    const leaving = new AbortController()
    const left = flight.join(leaving.signal)
    const stays = flight.join()
    leaving.abort()
    await expect(left).rejects.toThrow('aborted')
    expect(signal()?.aborted).toBe(false)
    expect(onAbort).not.toHaveBeenCalled()
    finish('done')
    await expect(stays).resolves.toBe('done')
  })

  it('aborts the run and calls onAbort at once when the last caller leaves', async () => {
    const { task, signal } = controllable()
    const onAbort = vi.fn()
    const flight = singleFlight(task, onAbort, abortError)
    const one = new AbortController()
    const two = new AbortController()
    const results = [flight.join(one.signal), flight.join(two.signal)].map((p) => p.catch((e: Error) => e.message))
    one.abort()
    two.abort()
    expect(await Promise.all(results)).toEqual(['aborted', 'aborted'])
    expect(signal()?.aborted).toBe(true)
    expect(onAbort).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ message: 'aborted' }))
  })

  it('rejects at once a caller whose signal is already aborted', async () => {
    const { task, signal } = controllable()
    const flight = singleFlight(task, () => {}, abortError)
    await expect(flight.join(AbortSignal.abort())).rejects.toThrow('aborted')
    expect(signal()?.aborted).toBe(true)
  })

  it('stops the run for everyone on abort()', async () => {
    const { task } = controllable()
    const onAbort = vi.fn()
    const flight = singleFlight(task, onAbort, abortError)
    const pending = flight.join()
    const reason = new Error('destroyed')
    flight.abort(reason)
    await expect(pending).rejects.toBe(reason)
    expect(onAbort).toHaveBeenCalledExactlyOnceWith(reason)
  })
})
