import { describe, expect, it } from 'vitest'
import { SingleFlight } from './single-flight.js'

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (err: unknown) => void } {
  let resolve!: (value: T) => void
  let reject!: (err: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('SingleFlight', () => {
  it('shares the running task between callers of the same group and key', async () => {
    const flights = new SingleFlight<string>()
    const gate = deferred<string>()
    let runs = 0
    const task = (): Promise<string> => {
      runs += 1
      return gate.promise
    }
    const a = flights.run('u1', 'k', task)
    const b = flights.run('u1', 'k', task)
    gate.resolve('answer')
    expect(await Promise.all([a, b])).toEqual(['answer', 'answer'])
    expect(runs).toBe(1)
    expect(flights.size).toBe(0)
  })

  it('shares a failure too, then runs afresh', async () => {
    const flights = new SingleFlight<string>()
    const gate = deferred<string>()
    const a = flights.run('u1', 'k', () => gate.promise)
    const b = flights.run('u1', 'k', () => Promise.resolve('other'))
    gate.reject(new Error('boom'))
    await expect(a).rejects.toThrow('boom')
    await expect(b).rejects.toThrow('boom')
    await expect(flights.run('u1', 'k', () => Promise.resolve('fresh'))).resolves.toBe('fresh')
  })

  it('runs a different key of the same group only after the running task finished', async () => {
    const flights = new SingleFlight<string>()
    const gate = deferred<string>()
    const events: string[] = []
    const first = flights.run('u1', 'project-a', () => gate.promise.then((value) => (events.push('first done'), value)))
    const second = flights.run('u1', 'project-b', async () => (events.push('second started'), 'b'))
    await Promise.resolve()
    expect(events).toEqual([])
    gate.resolve('a')
    expect(await Promise.all([first, second])).toEqual(['a', 'b'])
    expect(events).toEqual(['first done', 'second started'])
  })

  it('runs tasks of different groups independently', async () => {
    const flights = new SingleFlight<number>()
    let runs = 0
    await Promise.all([flights.run('u1', 'k', async () => ++runs), flights.run('u2', 'k', async () => ++runs)])
    expect(runs).toBe(2)
  })
})
