import { expect } from 'vitest'
import type { RawResponse } from './raw-request.js'

/** The contract's error body: `{ error: { code, message, requestId?, retryable } }`. */
export interface ContractError {
  code: string
  message: string
  requestId?: string
  retryable: boolean
}

const allowedKeys = new Set(['code', 'message', 'requestId', 'retryable'])

/**
 * Asserts that an answer is a JSON error in exactly the contract's shape — no HTML, no stack
 * trace, no extra fields, `Retry-After` in whole seconds on retryable errors — and returns it.
 *
 * @example
 * ```ts
 * const error = expectContractError(await rawRequest(url, { method: 'GET', path: '/nope' }))
 * expect(error.code).toBe('Broker.NotFound')
 * ```
 */
export function expectContractError(res: RawResponse): ContractError {
  expect(res.headers['content-type'], 'an error answer must be JSON').toMatch(/^application\/json\b/)
  // Parsing as JSON rules out an HTML page; the messages may echo client input, so no regex on them.
  // A V8 stack trace has real line breaks ("\n    at fn (file.js:1:2)"); JSON text written by the broker has none.
  expect(res.body).not.toMatch(/\n\s+at /)
  const parsed = JSON.parse(res.body) as { error?: Record<string, unknown> }
  expect(Object.keys(parsed)).toEqual(['error'])
  const error = parsed.error as Record<string, unknown>
  for (const key of Object.keys(error)) expect(allowedKeys.has(key), `unexpected field error.${key}`).toBe(true)
  expect(typeof error.code).toBe('string')
  expect(typeof error.message).toBe('string')
  expect((error.message as string).length).toBeGreaterThan(0)
  expect(typeof error.retryable).toBe('boolean')
  if (error.requestId !== undefined) expect(typeof error.requestId).toBe('string')
  if (error.retryable === true) expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/)
  return error as unknown as ContractError
}
