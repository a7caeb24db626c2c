import { describe, expect, it } from 'vitest'
import { isBrokerError } from '../errors/broker-error.js'
import { parseApplyConcurrentBody } from './apply-concurrent-body.js'

function rejection(value: unknown): { code: string; message: string } {
  try {
    parseApplyConcurrentBody(value)
  } catch (err) {
    if (isBrokerError(err)) return { code: err.code, message: err.message }
    throw err
  }
  throw new Error('accepted')
}

describe('parseApplyConcurrentBody', () => {
  it('accepts every field in its format', () => {
    const body = { userId: 'A-z_09', projectId: 'cap-abc1', applicationId: 'app-x1', applicationVersionId: 'ver-1' }
    expect(parseApplyConcurrentBody(body)).toEqual(body)
  })

  it('accepts UserIds of 1 and 64 characters and refuses 65', () => {
    expect(parseApplyConcurrentBody({ userId: 'a' }).userId).toBe('a')
    expect(parseApplyConcurrentBody({ userId: 'a'.repeat(64) }).userId).toHaveLength(64)
    expect(rejection({ userId: 'a'.repeat(65) }).code).toBe('InvalidParameterValue')
  })

  it('refuses bodies that are not objects', () => {
    for (const value of [null, [], 'u1', 42, true]) expect(rejection(value).code).toBe('InvalidParameterValue')
  })

  it('says MissingParameter for an absent or null userId', () => {
    expect(rejection({})).toMatchObject({ code: 'MissingParameter', message: expect.stringContaining('userId') })
    expect(rejection({ userId: null }).code).toBe('MissingParameter')
  })

  it('refuses userIds of the wrong type or outside the safe alphabet', () => {
    for (const userId of [1, '', 'a b', 'ü', 'a/b', 'a.b', '<script>', ['u1']]) {
      expect(rejection({ userId })).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('userId') })
    }
  })

  it('refuses badly formatted ids, naming the field', () => {
    expect(rejection({ userId: 'u', projectId: 'abc' }).message).toContain('projectId')
    expect(rejection({ userId: 'u', projectId: 'cap-ABC' }).message).toContain('projectId')
    expect(rejection({ userId: 'u', applicationId: 'ver-1' }).message).toContain('applicationId')
    expect(rejection({ userId: 'u', applicationVersionId: 7 }).message).toContain('applicationVersionId')
  })

  it('says UnknownParameter for any other field, including __proto__', () => {
    expect(rejection({ userId: 'u', extra: 1 })).toMatchObject({ code: 'UnknownParameter', message: expect.stringContaining('extra') })
    expect(rejection(JSON.parse('{"userId":"u","__proto__":{"x":1}}')).code).toBe('UnknownParameter')
  })
})
