import { describe, expect, it } from 'vitest'
import { FaultInjector } from './fault-injector.js'

describe('FaultInjector', () => {
  it('fails the next call of the named action once by default', () => {
    const faults = new FaultInjector()
    faults.add('ApplyConcurrent', 'InternalError')
    expect(faults.take('CreateSession')).toBeUndefined()
    expect(faults.take('ApplyConcurrent')?.code).toBe('InternalError')
    expect(faults.take('ApplyConcurrent')).toBeUndefined()
  })

  it('fails `times` calls, with `*` matching any action, in the order faults were added', () => {
    const faults = new FaultInjector()
    faults.add('*', 'FailedOperation.SlowDown', { times: 2, message: 'slow down' })
    faults.add('ApplyConcurrent', 'InternalError')
    expect(faults.take('DestroySession')).toEqual({ code: 'FailedOperation.SlowDown', message: 'slow down' })
    expect(faults.take('ApplyConcurrent')?.code).toBe('FailedOperation.SlowDown')
    expect(faults.take('ApplyConcurrent')?.code).toBe('InternalError')
  })

  it('rejects a non-positive `times` or an empty code, naming the option', () => {
    const faults = new FaultInjector()
    expect(() => faults.add('ApplyConcurrent', 'InternalError', { times: 0 })).toThrow(/`options.times`/)
    expect(() => faults.add('ApplyConcurrent', '')).toThrow(/`code`/)
  })
})
