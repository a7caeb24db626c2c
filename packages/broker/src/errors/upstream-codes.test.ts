import { describe, expect, it } from 'vitest'
import { upstreamError } from './upstream-codes.js'

describe('upstreamError', () => {
  it('quotes an unknown code with its upstream message once, without a doubled full stop', () => {
    const err = upstreamError('FailedOperation', 'The project is disabled.', 'req-1')
    expect(err.code).toBe('FailedOperation')
    expect(err.message).toContain('(FailedOperation): The project is disabled. Retrying will not help')
    expect(err.message).not.toContain('..')
  })

  it('says so when the upstream gave no message', () => {
    expect(upstreamError('FailedOperation', '', undefined).message).toContain(': no details given. Retrying')
  })
})
