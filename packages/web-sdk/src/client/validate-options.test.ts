import { describe, expect, it } from 'vitest'
import { isCarError } from '../errors/car-error.js'
import { validateCallOptions, validateClientOptions } from './validate-options.js'

const brokerUrl = 'https://app.example.com/car'

/** The message of the Client.InvalidOptions error `run` throws. */
const invalid = (run: () => void): string => {
  try {
    run()
  } catch (err) {
    expect(isCarError(err) && err.code).toBe('Client.InvalidOptions')
    return (err as Error).message
  }
  return expect.unreachable('expected Client.InvalidOptions')
}

describe('validateClientOptions', () => {
  it('accepts every option with a valid value', () => {
    expect(() =>
      validateClientOptions({
        brokerUrl,
        projectId: 'cap-abc',
        applicationId: 'app-abc',
        applicationVersionId: 'ver-1',
        userId: 'my-own_id-1',
        storage: 'session',
        storageKey: 'k',
        headers: () => ({ Authorization: 'Bearer x' }),
        credentials: 'include',
        timeoutMs: 25_000,
        retry: { limit: 5, delayMs: 100, maxDelayMs: 1000 },
        fetch: globalThis.fetch,
      }),
    ).not.toThrow()
    expect(() => validateClientOptions({ brokerUrl, retry: false, storage: localStorage, headers: {}, userId: undefined })).not.toThrow()
  })

  it.each([
    ['projectId', ''],
    ['applicationId', 42],
    ['applicationVersionId', null],
    ['brokerUrl', 7],
    ['userId', 'has spaces'],
    ['userId', 'x'.repeat(65)],
    ['userId', ''],
    ['storage', 'cookie'],
    ['storageKey', ''],
    ['headers', 'Authorization: x'],
    ['credentials', 'all'],
    ['timeoutMs', 0],
    ['timeoutMs', -1],
    ['timeoutMs', Number.NaN],
    ['timeoutMs', 2 ** 31],
    ['retry', true],
    ['retry', { limit: 1.5 }],
    ['retry', { limit: -1 }],
    ['retry', { delayMs: '100' }],
    ['retry', { maxDelayMs: -5 }],
    ['fetch', 'fetch'],
  ])('rejects `%s` = %j and names it in the message', (name, value) => {
    expect(invalid(() => validateClientOptions({ brokerUrl, [name]: value }))).toMatch(new RegExp(`^\`${name}\` must `))
  })

  it('rejects an unknown option, such as a typo', () => {
    expect(invalid(() => validateClientOptions({ brokerUrl, retries: 3 }))).toBe('`retries` is not an option (a typo?).')
  })

  it('rejects options that are not an object', () => {
    expect(invalid(() => validateClientOptions(undefined))).toBe('`options` must be an object.')
    expect(invalid(() => validateClientOptions('https://x'))).toBe('`options` must be an object.')
  })
})

describe('validateCallOptions', () => {
  it('accepts every per-call option', () => {
    const options = { signal: new AbortController().signal, waitForIdle: false, maxWaitMs: 0, projectId: 'cap-x', applicationId: 'app-x', applicationVersionId: 'ver-x' }
    expect(() => validateCallOptions(options)).not.toThrow()
    expect(() => validateCallOptions({})).not.toThrow()
  })

  it.each([
    ['signal', {}],
    ['waitForIdle', 'yes'],
    ['maxWaitMs', -1],
    ['projectId', ''],
    ['applicationId', 1],
    ['applicationVersionId', false],
  ])('rejects `%s` = %j', (name, value) => {
    expect(invalid(() => validateCallOptions({ [name]: value }))).toMatch(new RegExp(`^\`${name}\` must `))
  })

  it('rejects a client option passed to a call', () => {
    expect(invalid(() => validateCallOptions({ timeoutMs: 5 }))).toBe('`timeoutMs` is not an option (a typo?).')
  })
})
