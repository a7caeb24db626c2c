// @vitest-environment node
import ky from 'ky'
import { describe, expect, it } from 'vitest'
import { CarError } from './car-error.js'
import { retryAfterMs, toCarError } from './to-car-error.js'

const live = new AbortController().signal

/** What ky throws when the broker answers like `response`. */
const kyError = (fetch: () => Promise<Response>, timeout = 10_000): Promise<unknown> =>
  ky.post('http://broker.test/v1/apply-concurrent', { fetch, timeout, json: {} }).json().then(
    () => expect.unreachable('ky should have thrown'),
    (err: unknown) => err,
  )

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }))

describe('toCarError', () => {
  it('turns the broker error body into code, message, requestId, status and retryable', async () => {
    const raw = await kyError(json(503, { error: { code: 'ResourceNotFound.NoIdle', message: 'No idle quota.', requestId: 'req-9', retryable: true } }))
    const err = toCarError(raw, live, 1000)
    expect(err).toMatchObject({ code: 'ResourceNotFound.NoIdle', message: 'No idle quota.', requestId: 'req-9', status: 503, retryable: true })
    expect(err.cause).toBe(raw)
  })

  it('marks a broker error without retryable: true as final', async () => {
    const err = toCarError(await kyError(json(403, { error: { code: 'Broker.OriginNotAllowed', message: 'Origin not allowed.' } })), live, 1000)
    expect(err).toMatchObject({ code: 'Broker.OriginNotAllowed', status: 403, retryable: false })
  })

  it('reports an HTML error page as Client.InvalidResponse, retryable for gateway statuses', async () => {
    const html = (status: number) => () => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status, headers: { 'content-type': 'text/html' } }))
    expect(toCarError(await kyError(html(502)), live, 1000)).toMatchObject({ code: 'Client.InvalidResponse', status: 502, retryable: true })
    expect(toCarError(await kyError(html(404)), live, 1000)).toMatchObject({ code: 'Client.InvalidResponse', status: 404, retryable: false })
  })

  it('reports a JSON error of the wrong shape as Client.InvalidResponse', async () => {
    const err = toCarError(await kyError(json(500, { error: 'boom' })), live, 1000)
    expect(err).toMatchObject({ code: 'Client.InvalidResponse', status: 500, retryable: false })
  })

  it('reports ky timeouts as a retryable Client.Timeout naming timeoutMs', async () => {
    const raw = await kyError(() => new Promise<Response>(() => {}), 20)
    const err = toCarError(raw, live, 20)
    expect(err).toMatchObject({ code: 'Client.Timeout', retryable: true })
    expect(err.message).toContain('`timeoutMs` (20 ms)')
    expect(err.cause).toBe(raw)
  })

  it('reports network failures as a retryable Client.NetworkError', async () => {
    const raw = await kyError(() => Promise.reject(new TypeError('fetch failed')))
    expect(toCarError(raw, live, 1000)).toMatchObject({ code: 'Client.NetworkError', retryable: true })
    expect(toCarError(new TypeError('Failed to fetch'), live, 1000)).toMatchObject({ code: 'Client.NetworkError', retryable: true })
  })

  it('reports an unparseable success body as Client.InvalidResponse', async () => {
    const raw = await ky
      .post('http://broker.test/', { fetch: () => Promise.resolve(new Response('not json', { status: 200 })) })
      .json()
      .catch((e: unknown) => e)
    expect(raw).toBeInstanceOf(SyntaxError)
    expect(toCarError(raw, live, 1000)).toMatchObject({ code: 'Client.InvalidResponse', retryable: false, cause: raw })
  })

  it('returns the abort reason once the signal is aborted, whatever was thrown', () => {
    const controller = new AbortController()
    const reason = new CarError('Client.Aborted', 'The call was aborted.')
    controller.abort(reason)
    expect(toCarError(new DOMException('aborted', 'AbortError'), controller.signal, 1000)).toBe(reason)
  })

  it('passes a CarError through unchanged', () => {
    const err = new CarError('Client.InvalidOptions', '`headers` failed.')
    expect(toCarError(err, live, 1000)).toBe(err)
  })
})

describe('retryAfterMs', () => {
  it('reads Retry-After seconds from the ky error kept as cause', async () => {
    const body = { error: { code: 'Broker.RateLimited', message: 'Slow down.', retryable: true } }
    const err = toCarError(await kyError(json(429, body, { 'retry-after': '7' })), live, 1000)
    expect(retryAfterMs(err)).toBe(7000)
  })

  it('is undefined without a usable header', async () => {
    const body = { error: { code: 'InternalError', message: 'x', retryable: true } }
    expect(retryAfterMs(toCarError(await kyError(json(502, body)), live, 1000))).toBeUndefined()
    expect(retryAfterMs(toCarError(await kyError(json(502, body, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' })), live, 1000))).toBeUndefined()
    expect(retryAfterMs(new CarError('Client.Timeout', 'late'))).toBeUndefined()
  })
})
