import { describe, expect, it } from 'vitest'
import { CarError, isCarError } from './car-error.js'

describe('CarError', () => {
  it('carries code, message, requestId, status, retryable and cause', () => {
    const cause = new Error('socket hang up')
    const err = new CarError('ResourceNotFound.NoIdle', 'No idle quota.', { requestId: 'r-1', status: 503, retryable: true, cause })
    expect(err).toBeInstanceOf(Error)
    expect(err).toMatchObject({ name: 'CarError', code: 'ResourceNotFound.NoIdle', message: 'No idle quota.', requestId: 'r-1', status: 503, retryable: true })
    expect(err.cause).toBe(cause)
  })

  it('is not retryable unless said so', () => {
    const err = new CarError('Client.InvalidOptions', '`x` is wrong.')
    expect(err.retryable).toBe(false)
    expect(err.requestId).toBeUndefined()
    expect(err.status).toBeUndefined()
    expect('cause' in err).toBe(false)
  })
})

describe('isCarError', () => {
  it('recognises a CarError and rejects other values', () => {
    expect(isCarError(new CarError('Client.Timeout', 'late'))).toBe(true)
    for (const other of [new Error('x'), { code: 'Client.Timeout' }, null, undefined, 'CarError', 42]) {
      expect(isCarError(other)).toBe(false)
    }
  })

  it('recognises an error made by another copy of the SDK (same Symbol.for brand, different class)', () => {
    const foreign = Object.assign(new Error('from the script-tag bundle'), { [Symbol.for('carkit.error')]: true })
    expect(foreign instanceof CarError).toBe(false)
    expect(isCarError(foreign)).toBe(true)
  })
})
