import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmitter } from './emitter.js'

type Events = { tick: (n: number) => void; done: (s: string) => void }

afterEach(() => vi.restoreAllMocks())

describe('createEmitter', () => {
  it('calls every listener of an event with the payload, in order', () => {
    const em = createEmitter<Events>()
    const seen: string[] = []
    em.on('tick', (n) => seen.push(`a${n}`))
    em.on('tick', (n) => seen.push(`b${n}`))
    em.on('done', (s) => seen.push(s))
    em.emit('tick', 1)
    expect(seen).toEqual(['a1', 'b1'])
  })

  it('returns an unsubscribe function from on()', () => {
    const em = createEmitter<Events>()
    const listener = vi.fn()
    const off = em.on('tick', listener)
    off()
    off()
    em.emit('tick', 1)
    expect(listener).not.toHaveBeenCalled()
  })

  it('keeps calling the other listeners when one throws, and reports it with console.warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const em = createEmitter<Events>()
    const boom = new Error('listener bug')
    const after = vi.fn()
    em.on('tick', () => {
      throw boom
    })
    em.on('tick', after)
    expect(() => em.emit('tick', 2)).not.toThrow()
    expect(after).toHaveBeenCalledWith(2)
    expect(warn).toHaveBeenCalledWith('[carkit] listener threw:', 'tick', boom)
  })

  it('does not skip a neighbour when a listener unsubscribes during emit', () => {
    const em = createEmitter<Events>()
    const second = vi.fn()
    const off = em.on('tick', () => off())
    em.on('tick', second)
    em.emit('tick', 3)
    expect(second).toHaveBeenCalledOnce()
  })

  it('removes every listener on clear()', () => {
    const em = createEmitter<Events>()
    const listener = vi.fn()
    em.on('tick', listener)
    em.clear()
    em.emit('tick', 1)
    expect(listener).not.toHaveBeenCalled()
  })
})
