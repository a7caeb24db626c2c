import { afterEach, describe, expect, it, vi } from 'vitest'
import { createJsonLineLogger } from './json-line-logger.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createJsonLineLogger', () => {
  it('writes one JSON line per entry, errors to stderr, skipping levels below the threshold', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const log = createJsonLineLogger('warn')
    log({ time: 't', level: 'info', event: 'request' })
    log({ time: 't', level: 'warn', event: 'clock_skew', skewSec: 3 })
    log({ time: 't', level: 'error', event: 'unexpected_error' })
    expect(out.mock.calls).toEqual([['{"time":"t","level":"warn","event":"clock_skew","skewSec":3}\n']])
    expect(err.mock.calls).toEqual([['{"time":"t","level":"error","event":"unexpected_error"}\n']])
  })

  it('writes nothing when silent', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    createJsonLineLogger('silent')({ time: 't', level: 'warn', event: 'x' })
    expect(out).not.toHaveBeenCalled()
  })
})
