import { expect, test } from '@playwright/test'
import { describeCarError, describedCodes } from './describe-car-error.ts'
import type { CarErrorLike, ErrorContext } from './describe-car-error.ts'

const context: ErrorContext = { brokerUrl: 'http://127.0.0.1:8787', origin: 'http://127.0.0.1:5173', stillTrying: false, waitForIdle: false }
const carError = (code: string, message = 'details from the broker'): CarErrorLike => ({ code, message, retryable: false })

test.describe('describeCarError', () => {
  test('gives every named code its own non-empty wording that does not fall back to the generic one', () => {
    const generic = describeCarError(carError('Some.UnknownCode'), context)
    for (const code of describedCodes()) {
      const text = describeCarError(carError(code), context)
      expect(text.title, code).not.toBe('')
      expect(text.hint, code).not.toBe('')
      if (code !== 'FailedOperation') expect(text.title, code).not.toBe(generic.title.replace('Some.UnknownCode', code))
    }
  })

  test('says NoIdle will be retried while waiting, and suggests waiting when it is off', () => {
    expect(describeCarError(carError('ResourceNotFound.NoIdle'), { ...context, stillTrying: true, waitForIdle: true })).toEqual({
      tone: 'info',
      title: 'No idle instance right now — we will keep trying.',
      hint: 'You keep your place; this page asks again on its own.',
    })
    expect(describeCarError(carError('ResourceNotFound.NoIdle'), context)).toEqual({
      tone: 'error',
      title: 'No idle instance right now.',
      hint: 'Try again in a moment, or turn on waiting.',
    })
  })

  test('says so when NoIdle is final although waiting was on', () => {
    expect(describeCarError(carError('ResourceNotFound.NoIdle'), { ...context, waitForIdle: true })).toEqual({
      tone: 'error',
      title: 'No instance came free while we waited.',
      hint: 'Every instance is still busy. Try again in a few minutes.',
    })
  })

  test('names the broker URL when the broker is unreachable', () => {
    const text = describeCarError(carError('Client.NetworkError'), { ...context, brokerUrl: 'https://car.example.com/broker' })
    expect(text.title).toBe('Broker unreachable — is it running at https://car.example.com/broker?')
  })

  test('mentions the origin allowlist for a network error, since a CORS refusal looks the same', () => {
    expect(describeCarError(carError('Client.NetworkError'), context).hint).toContain(
      'it may not allow this page’s origin (http://127.0.0.1:5173): add it to CARKIT_ALLOWED_ORIGINS',
    )
  })

  test('tells the operator which variable allows this origin', () => {
    const text = describeCarError(carError('Broker.OriginNotAllowed'), { ...context, origin: 'null' })
    expect(text.title).toContain('(null)')
    expect(text.hint).toContain('CARKIT_ALLOWED_ORIGINS=null')
  })

  test('groups Tencent sub-codes it does not know by family, and shows any other code', () => {
    expect(describeCarError(carError('AuthFailure.TokenFailure'), context).title).toBe("The broker's Tencent Cloud credentials were not accepted.")
    expect(describeCarError(carError('RequestLimitExceeded.IPLimitExceeded'), context).title).toBe('The cloud service is busy right now.')
    expect(describeCarError(carError('LimitExceeded.Role', 'Too many players.'), context)).toEqual({
      tone: 'error',
      title: 'Tencent Cloud CAR refused the request (LimitExceeded.Role).',
      hint: 'Too many players.',
    })
  })

  test('does not treat inherited object keys as codes', () => {
    expect(describeCarError(carError('toString'), context).title).toBe('Tencent Cloud CAR refused the request (toString).')
  })
})
