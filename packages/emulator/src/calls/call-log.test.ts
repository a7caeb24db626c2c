import { describe, expect, it } from 'vitest'
import { CallLog } from './call-log.js'

const call = (n: number) => ({ action: 'ApplyConcurrent', at: n, code: 'OK' })

describe('CallLog', () => {
  it('keeps calls oldest first', () => {
    const log = new CallLog(5)
    log.push(call(1))
    log.push(call(2))
    expect(log.toArray().map((c) => c.at)).toEqual([1, 2])
  })

  it('drops the oldest calls once full', () => {
    const log = new CallLog(3)
    for (let n = 1; n <= 7; n += 1) log.push(call(n))
    expect(log.toArray().map((c) => c.at)).toEqual([5, 6, 7])
  })

  it('empties on clear', () => {
    const log = new CallLog(2)
    for (let n = 1; n <= 3; n += 1) log.push(call(n))
    log.clear()
    log.push(call(9))
    expect(log.toArray().map((c) => c.at)).toEqual([9])
  })
})
