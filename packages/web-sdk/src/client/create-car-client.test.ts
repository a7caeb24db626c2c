// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isCarError, type CarError } from '../errors/car-error.js'
import type { CarClientEvents } from '../events/car-client-events.js'
import { brokerError, grant, scriptedFetch, type Answer } from '../test-support/scripted-fetch.js'
import { createCarClient, type CarClient } from './create-car-client.js'
import type { CarClientOptions } from './options.js'

const brokerUrl = 'http://broker.test/car'
const names = ['userid', 'statechange', 'request', 'retry', 'waiting', 'granted', 'error'] as const

/** Every event of `car`, in order, as [name, payload]. */
const record = (car: CarClient) => {
  const log: Array<[string, unknown]> = []
  for (const name of names) car.on(name, ((payload: unknown) => log.push([name, payload])) as CarClientEvents[typeof name])
  return log
}

const client = (script: Answer[], options: Partial<CarClientOptions> = {}) => {
  const broker = scriptedFetch(...script)
  const car = createCarClient({ brokerUrl, storage: 'memory', fetch: broker.fetch, ...options })
  return { car, sent: broker.sent, log: record(car) }
}

const failure = (p: Promise<unknown>): Promise<CarError> =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (err: unknown) => {
      expect(isCarError(err)).toBe(true)
      return err as CarError
    },
  )

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('createCarClient', () => {
  it('has a UserId synchronously and emits the first userid event on a microtask', async () => {
    const { car, log } = client([grant()])
    expect(car.userId).toMatch(/^[\w-]{21}$/)
    expect(car.state).toBe('idle')
    expect(log).toEqual([])
    await Promise.resolve()
    expect(log).toEqual([['userid', { userId: car.userId, source: 'created', storage: 'memory', persisted: false }]])
  })

  it('reports a provided userId with source provided', async () => {
    const { car, log } = client([grant()], { userId: 'my-own-id' })
    await Promise.resolve()
    expect(car.userId).toBe('my-own-id')
    expect(log[0]).toEqual(['userid', { userId: 'my-own-id', source: 'provided', storage: 'memory', persisted: false }])
  })

  it('throws Client.InvalidOptions synchronously for bad options, naming the option', () => {
    expect(() => createCarClient({ brokerUrl: 'nope' })).toThrow(expect.objectContaining({ code: 'Client.InvalidOptions', message: expect.stringContaining('`brokerUrl`') }))
    expect(() => createCarClient({ brokerUrl, timeoutMs: -1 })).toThrow('`timeoutMs`')
  })
})

describe('applyConcurrent', () => {
  it('resolves with the grant after userid, statechange, request, statechange and granted events', async () => {
    const { car, log } = client([grant('u', 'cap-abc', 'req-7')], { projectId: 'cap-abc' })
    const result = await car.applyConcurrent()
    expect(result).toEqual({ requestId: 'req-7', userId: 'u', projectId: 'cap-abc' })
    expect(car.state).toBe('granted')
    expect(log.map(([name]) => name)).toEqual(['userid', 'statechange', 'request', 'statechange', 'granted'])
    expect(log.slice(1)).toEqual([
      ['statechange', { state: 'requesting', previous: 'idle' }],
      ['request', { attempt: 1, userId: car.userId, projectId: 'cap-abc' }],
      ['statechange', { state: 'granted', previous: 'requesting' }],
      ['granted', result],
    ])
  })

  it('POSTs the UserId and ids as JSON to {brokerUrl}/v1/apply-concurrent with the app headers and credentials', async () => {
    const { car, sent } = client([grant()], {
      projectId: 'cap-abc',
      applicationId: 'app-abc',
      applicationVersionId: 'ver-1',
      headers: { Authorization: 'Bearer t0k' },
      credentials: 'include',
    })
    await car.applyConcurrent({ applicationVersionId: 'ver-2' })
    expect(sent).toHaveLength(1)
    const [req] = sent
    expect(req).toMatchObject({ url: `${brokerUrl}/v1/apply-concurrent`, method: 'POST', credentials: 'include' })
    expect(req?.body).toEqual({ userId: car.userId, projectId: 'cap-abc', applicationId: 'app-abc', applicationVersionId: 'ver-2' })
    expect(req?.headers.get('authorization')).toBe('Bearer t0k')
    expect(req?.headers.get('content-type')).toContain('application/json')
  })

  it('leaves optional ids out of the body when unset', async () => {
    const { car, sent } = client([grant()])
    await car.applyConcurrent()
    expect(sent[0]?.body).toEqual({ userId: car.userId })
  })

  it('calls an async headers function before every attempt', async () => {
    let n = 0
    const headers = vi.fn(async () => ({ Authorization: `Bearer ${++n}` }))
    const { car, sent } = client([brokerError(502, 'InternalError', true), grant()], { headers, retry: { delayMs: 0 } })
    await car.applyConcurrent()
    expect(headers).toHaveBeenCalledTimes(2)
    expect(sent.map((r) => r.headers.get('authorization'))).toEqual(['Bearer 1', 'Bearer 2'])
  })

  it('fails with Client.InvalidOptions when the headers function throws', async () => {
    const { car, sent } = client([grant()], { headers: () => Promise.reject(new Error('token endpoint down')) })
    const err = await failure(car.applyConcurrent())
    expect(err).toMatchObject({ code: 'Client.InvalidOptions', retryable: false })
    expect(err.message).toContain('`headers`')
    expect(sent).toHaveLength(0)
  })

  it('retries transient errors with exponential backoff, emitting retry before each wait', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    const { car, sent, log } = client([brokerError(502, 'InternalError', true), 'network', brokerError(504, 'Broker.UpstreamTimeout', true), grant()])
    const done = car.applyConcurrent()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(499)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(2000)
    await expect(done).resolves.toMatchObject({ requestId: 'req-1' })
    const retries = log.filter(([name]) => name === 'retry').map(([, e]) => e as CarClientEvents['retry'] extends (e: infer P) => void ? P : never)
    expect(retries.map((e) => [e.attempt, e.delayMs, e.error.code])).toEqual([
      [1, 500, 'InternalError'],
      [2, 1000, 'Client.NetworkError'],
      [3, 2000, 'Broker.UpstreamTimeout'],
    ])
    expect(log.filter(([name]) => name === 'request').map(([, e]) => (e as { attempt: number }).attempt)).toEqual([1, 2, 3, 4])
    expect(log.filter(([name]) => name === 'statechange')).toHaveLength(2)
  })

  it('honours the broker Retry-After header as the minimum delay', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const { car, sent, log } = client([brokerError(429, 'Broker.RateLimited', true, 3), grant()])
    const done = car.applyConcurrent()
    await vi.advanceTimersByTimeAsync(2999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await done
    expect(sent).toHaveLength(2)
    expect(log.find(([name]) => name === 'retry')?.[1]).toMatchObject({ attempt: 1, delayMs: 3000 })
  })

  it('fails after retry.limit retries with the last error, emitting error once and ending in failed', async () => {
    const { car, sent, log } = client([brokerError(502, 'Broker.UpstreamUnavailable', true)], { retry: { limit: 2, delayMs: 0 } })
    const err = await failure(car.applyConcurrent())
    expect(err).toMatchObject({ code: 'Broker.UpstreamUnavailable', status: 502, retryable: true, requestId: 'rid-Broker.UpstreamUnavailable' })
    expect(sent).toHaveLength(3)
    expect(log.filter(([name]) => name === 'error')).toEqual([['error', err]])
    expect(car.state).toBe('failed')
    expect(log.at(-2)).toEqual(['statechange', { state: 'failed', previous: 'requesting' }])
  })

  it('does not retry when retry is false', async () => {
    const { car, sent, log } = client(['network', grant()], { retry: false })
    expect((await failure(car.applyConcurrent())).code).toBe('Client.NetworkError')
    expect(sent).toHaveLength(1)
    expect(log.some(([name]) => name === 'retry')).toBe(false)
  })

  it('fails at once on a non-retryable error', async () => {
    const { car, sent, log } = client([brokerError(403, 'Broker.OriginNotAllowed', false), grant()])
    expect(await failure(car.applyConcurrent())).toMatchObject({ code: 'Broker.OriginNotAllowed', status: 403, retryable: false })
    expect(sent).toHaveLength(1)
    expect(log.some(([name]) => name === 'retry' || name === 'waiting')).toBe(false)
  })

  it('fails at once on ResourceNotFound.NoIdle when not waiting for idle quota', async () => {
    const { car, sent, log } = client([brokerError(503, 'ResourceNotFound.NoIdle', true), grant()])
    expect((await failure(car.applyConcurrent({ waitForIdle: false }))).code).toBe('ResourceNotFound.NoIdle')
    expect(sent).toHaveLength(1)
    expect(log.some(([name]) => name === 'retry' || name === 'waiting')).toBe(false)
  })

  it('retries ResourceUnavailable.Initialization as a transient error when not waiting', async () => {
    const { car, sent, log } = client([brokerError(503, 'ResourceUnavailable.Initialization', true), grant()], { retry: { delayMs: 0 } })
    await car.applyConcurrent({ waitForIdle: false })
    expect(sent).toHaveLength(2)
    expect(log.filter(([name]) => name === 'retry')).toHaveLength(1)
  })

  it('waits out NoIdle (by default) without using the retry budget, then is granted', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const script = [
      brokerError(503, 'ResourceNotFound.NoIdle', true),
      brokerError(503, 'ResourceUnavailable.Initialization', true),
      brokerError(503, 'ResourceNotFound.NoIdle', true),
      grant(),
    ]
    const { car, sent, log } = client(script, { retry: { limit: 0 } })
    const done = car.applyConcurrent()
    await vi.advanceTimersByTimeAsync(60_000)
    await expect(done).resolves.toMatchObject({ requestId: 'req-1' })
    expect(sent).toHaveLength(4)
    const waits = log.filter(([name]) => name === 'waiting').map(([, e]) => e as { attempt: number; delayMs: number; waitedMs: number; error: CarError })
    expect(waits.map((w) => [w.attempt, w.delayMs, w.error.code])).toEqual([
      [1, 1000, 'ResourceNotFound.NoIdle'],
      [2, 2000, 'ResourceUnavailable.Initialization'],
      [3, 4000, 'ResourceNotFound.NoIdle'],
    ])
    expect(waits.map((w) => w.waitedMs)).toEqual([0, 1000, 3000])
    expect(log.filter(([name]) => name === 'statechange').map(([, e]) => (e as { state: string }).state)).toEqual([
      'requesting', 'waiting', 'requesting', 'waiting', 'requesting', 'waiting', 'requesting', 'granted',
    ])
  })

  it('gives up waiting after maxWaitMs with the NoIdle error, the last wait cut to what remains', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    const { car, sent, log } = client([brokerError(503, 'ResourceNotFound.NoIdle', true)])
    const done = failure(car.applyConcurrent({ maxWaitMs: 5000 }))
    await vi.advanceTimersByTimeAsync(10_000)
    const err = await done
    expect(err.code).toBe('ResourceNotFound.NoIdle')
    const waits = log.filter(([name]) => name === 'waiting').map(([, e]) => (e as { delayMs: number }).delayMs)
    expect(waits).toEqual([2000, 3000])
    expect(sent).toHaveLength(3)
    expect(car.state).toBe('failed')
  })

  it('times out an attempt after timeoutMs with a retryable Client.Timeout', async () => {
    const { car, sent } = client(['hang'], { timeoutMs: 30, retry: { limit: 1, delayMs: 0 } })
    const err = await failure(car.applyConcurrent())
    expect(err).toMatchObject({ code: 'Client.Timeout', retryable: true })
    expect(sent).toHaveLength(2)
  })

  it('rejects a success body of the wrong shape with Client.InvalidResponse', async () => {
    const { car } = client([{ status: 200, body: { requestId: 'r', userId: 'u' } }])
    const err = await failure(car.applyConcurrent())
    expect(err).toMatchObject({ code: 'Client.InvalidResponse', retryable: false })
    expect(err.cause).toEqual({ requestId: 'r', userId: 'u' })
  })

  it('aborts mid-request with Client.Aborted when the signal aborts', async () => {
    const { car, log } = client(['hang'])
    const controller = new AbortController()
    const done = failure(car.applyConcurrent({ signal: controller.signal }))
    await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    const err = await done
    expect(err).toMatchObject({ code: 'Client.Aborted', retryable: false })
    await new Promise((r) => setTimeout(r, 0))
    expect(car.state).toBe('failed')
    expect(log.filter(([name]) => name === 'error')).toEqual([['error', err]])
  })

  it('aborts during a backoff sleep without another request', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    const { car, sent } = client([brokerError(502, 'InternalError', true), grant()])
    const controller = new AbortController()
    const done = failure(car.applyConcurrent({ signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    controller.abort()
    expect((await done).code).toBe('Client.Aborted')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sent).toHaveLength(1)
  })

  it('rejects at once, without a request, when the signal is already aborted', async () => {
    const { car, sent } = client([grant()])
    expect((await failure(car.applyConcurrent({ signal: AbortSignal.abort() }))).code).toBe('Client.Aborted')
    await new Promise((r) => setTimeout(r, 10))
    expect(sent).toHaveLength(0)
  })

  it('rejects invalid per-call options with Client.InvalidOptions', async () => {
    const { car, sent } = client([grant()])
    const err = await failure(car.applyConcurrent({ maxWaitMs: -5 }))
    expect(err.code).toBe('Client.InvalidOptions')
    expect(err.message).toContain('`maxWaitMs`')
    expect(sent).toHaveLength(0)
  })

  it('shares one in-flight request between concurrent calls', async () => {
    const { car, sent } = client([grant()])
    const [a, b] = await Promise.all([car.applyConcurrent(), car.applyConcurrent()])
    expect(a).toBe(b)
    expect(sent).toHaveLength(1)
    await car.applyConcurrent()
    expect(sent).toHaveLength(2)
  })

  it('rejects only the caller that aborts; the shared request stops when every caller has aborted', async () => {
    const { car, sent } = client(['hang'])
    const one = new AbortController()
    const two = new AbortController()
    const first = failure(car.applyConcurrent({ signal: one.signal }))
    const second = failure(car.applyConcurrent({ signal: two.signal }))
    await new Promise((r) => setTimeout(r, 10))
    one.abort()
    expect((await first).code).toBe('Client.Aborted')
    expect(car.state).toBe('requesting')
    two.abort()
    expect((await second).code).toBe('Client.Aborted')
    await new Promise((r) => setTimeout(r, 0))
    expect(car.state).toBe('failed')
    expect(sent).toHaveLength(1)
  })

  it('starts a fresh request for a call made right after every caller aborted', async () => {
    const { car, sent, log } = client(['hang', grant()])
    const controller = new AbortController()
    const aborted = failure(car.applyConcurrent({ signal: controller.signal }))
    await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    expect(car.state).toBe('failed')
    const next = car.applyConcurrent()
    expect((await aborted).code).toBe('Client.Aborted')
    await expect(next).resolves.toMatchObject({ requestId: 'req-1' })
    expect(sent).toHaveLength(2)
    expect(log.filter(([name]) => name === 'error')).toHaveLength(1)
    expect(log.filter(([name]) => name === 'statechange').map(([, e]) => (e as { state: string }).state)).toEqual(['requesting', 'failed', 'requesting', 'granted'])
  })

  it('keeps the shared request for a caller without a signal when another caller aborts', async () => {
    const { car } = client(['hang'], { timeoutMs: 50, retry: false })
    const controller = new AbortController()
    const aborted = failure(car.applyConcurrent({ signal: controller.signal }))
    const kept = failure(car.applyConcurrent())
    controller.abort()
    expect((await aborted).code).toBe('Client.Aborted')
    expect((await kept).code).toBe('Client.Timeout')
  })

  it('keeps working when a listener throws, and other listeners still run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { car, log } = client([grant()])
    car.on('granted', () => {
      throw new Error('listener bug')
    })
    car.on('statechange', () => {
      throw new Error('listener bug')
    })
    await expect(car.applyConcurrent()).resolves.toMatchObject({ requestId: 'req-1' })
    expect(log.some(([name]) => name === 'granted')).toBe(true)
    expect(warn).toHaveBeenCalled()
  })

  it('starts again from requesting on a call after a grant', async () => {
    const { car, log } = client([grant(), grant('u', 'cap-demo', 'req-2')])
    await car.applyConcurrent()
    expect(await car.applyConcurrent()).toMatchObject({ requestId: 'req-2' })
    expect(log.filter(([name]) => name === 'statechange').map(([, e]) => e)).toEqual([
      { state: 'requesting', previous: 'idle' },
      { state: 'granted', previous: 'requesting' },
      { state: 'requesting', previous: 'granted' },
      { state: 'granted', previous: 'requesting' },
    ])
  })
})

describe('events', () => {
  it('removes a listener with the function on() returns', async () => {
    const { car } = client([grant()])
    const listener = vi.fn()
    const off = car.on('granted', listener)
    off()
    await car.applyConcurrent()
    expect(listener).not.toHaveBeenCalled()
  })

  it('calls a once() listener a single time', async () => {
    const { car } = client([grant()])
    const listener = vi.fn()
    car.once('statechange', listener)
    await car.applyConcurrent()
    expect(listener).toHaveBeenCalledOnce()
    expect(listener).toHaveBeenCalledWith({ state: 'requesting', previous: 'idle' })
  })
})

describe('resetUserId', () => {
  it('switches to a new id, emits userid with source reset, and sends it next', async () => {
    const { car, log, sent } = client([grant()])
    const before = car.userId
    const after = car.resetUserId()
    expect(after).not.toBe(before)
    expect(car.userId).toBe(after)
    expect(log).toContainEqual(['userid', { userId: after, source: 'reset', storage: 'memory', persisted: false }])
    await car.applyConcurrent()
    expect(sent[0]?.body).toMatchObject({ userId: after })
  })
})

describe('destroy', () => {
  it('aborts in-flight work, removes listeners and rejects later calls', async () => {
    const { car, log } = client(['hang'])
    const listener = vi.fn()
    car.on('error', listener)
    const pending = failure(car.applyConcurrent())
    await new Promise((r) => setTimeout(r, 10))
    const seen = log.length
    car.destroy()
    expect((await pending).code).toBe('Client.Aborted')
    expect(listener).not.toHaveBeenCalled()
    expect(log).toHaveLength(seen)
    expect((await failure(car.applyConcurrent())).code).toBe('Client.Aborted')
  })

  it('stops before the first userid event when called right away', async () => {
    const { car, log } = client([grant()])
    car.destroy()
    await Promise.resolve()
    expect(log).toEqual([])
  })
})
