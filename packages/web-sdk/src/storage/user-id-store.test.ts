import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UserIdEvent } from '../events/car-client-events.js'
import { isUserId } from './user-id.js'
import { openUserIdStore, type UserIdStorage } from './user-id-store.js'

const key = 'carkit:user-id'
const valid = 'V1StGXR8_Z5jdHi6B-myT'

const throwing = (name: string) => () => {
  throw new DOMException('The operation is insecure.', name)
}

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => vi.restoreAllMocks())

describe('openUserIdStore', () => {
  it('creates a nanoid and writes it to localStorage under the storage key', () => {
    const store = openUserIdStore('local', key)
    expect(isUserId(store.userId)).toBe(true)
    expect(localStorage.getItem(key)).toBe(store.userId)
    expect(store.first).toEqual({ userId: store.userId, source: 'created', storage: 'local', persisted: true })
  })

  it('restores the same id on the next load', () => {
    const first = openUserIdStore('local', key).userId
    const again = openUserIdStore('local', key)
    expect(again.userId).toBe(first)
    expect(again.first.source).toBe('restored')
    expect(again.first.persisted).toBe(true)
  })

  it('replaces a stored value that is not a valid id', () => {
    for (const corrupt of ['{"id":1}', 'short', `${valid}x`, 'V1StGXR8 Z5jdHi6B-myT', '']) {
      localStorage.setItem(key, corrupt)
      const store = openUserIdStore('local', key)
      expect(store.first.source).toBe('created')
      expect(store.userId).not.toBe(corrupt)
      expect(localStorage.getItem(key)).toBe(store.userId)
    }
  })

  it('uses sessionStorage when asked to', () => {
    const store = openUserIdStore('session', key)
    expect(sessionStorage.getItem(key)).toBe(store.userId)
    expect(localStorage.getItem(key)).toBeNull()
    expect(store.first.storage).toBe('session')
  })

  it('keeps the id in memory only when asked to', () => {
    const store = openUserIdStore('memory', key)
    expect(localStorage.getItem(key)).toBeNull()
    expect(store.first).toMatchObject({ source: 'created', storage: 'memory', persisted: false })
  })

  it('reads and writes a custom storage', () => {
    const map = new Map<string, string>([[key, valid]])
    const custom: UserIdStorage = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    }
    const store = openUserIdStore(custom, key)
    expect(store.first).toEqual({ userId: valid, source: 'restored', storage: 'custom', persisted: true })
    const reset = store.reset()
    expect(map.get(key)).toBe(reset.userId)
  })

  it('falls back to memory when reading localStorage throws a SecurityError (sandboxed iframe)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(throwing('SecurityError'))
    const store = openUserIdStore('local', key)
    expect(isUserId(store.userId)).toBe(true)
    expect(store.first).toMatchObject({ source: 'created', storage: 'memory', persisted: false })
  })

  it('falls back to memory when localStorage is null (storage disabled)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(null as unknown as Storage)
    expect(openUserIdStore('local', key).first).toMatchObject({ storage: 'memory', persisted: false })
  })

  it('falls back to memory when getItem throws', () => {
    const broken = { getItem: throwing('SecurityError'), setItem: throwing('SecurityError'), removeItem: throwing('SecurityError') }
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(broken as unknown as Storage)
    expect(openUserIdStore('local', key).first).toMatchObject({ storage: 'memory', persisted: false })
  })

  it('falls back to memory and reports persisted: false when the quota is exceeded', () => {
    const full = { getItem: () => null, setItem: throwing('QuotaExceededError'), removeItem: () => {} }
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(full as unknown as Storage)
    const store = openUserIdStore('local', key)
    expect(isUserId(store.userId)).toBe(true)
    expect(store.first).toMatchObject({ source: 'created', storage: 'memory', persisted: false })
  })

  it('falls back to memory when a custom storage throws', () => {
    const custom: UserIdStorage = { getItem: throwing('Error'), setItem: throwing('Error'), removeItem: throwing('Error') }
    expect(openUserIdStore(custom, key).first).toMatchObject({ source: 'created', storage: 'memory', persisted: false })
  })

  it('never touches storage when an id is provided', () => {
    const get = vi.spyOn(window, 'localStorage', 'get')
    const store = openUserIdStore('local', key, 'my-own-id')
    expect(store.first).toEqual({ userId: 'my-own-id', source: 'provided', storage: 'memory', persisted: false })
    expect(store.reset()).toMatchObject({ source: 'reset', storage: 'memory', persisted: false })
    expect(get).not.toHaveBeenCalled()
  })

  it('resets to a new persisted id', () => {
    const store = openUserIdStore('local', key)
    const before = store.userId
    const event = store.reset()
    expect(event).toEqual({ userId: store.userId, source: 'reset', storage: 'local', persisted: true })
    expect(store.userId).not.toBe(before)
    expect(localStorage.getItem(key)).toBe(store.userId)
  })

  it('reports an id changed by another tab as source external', () => {
    const store = openUserIdStore('local', key)
    const seen: UserIdEvent[] = []
    const stop = store.watch((e) => seen.push(e))
    const fire = (k: string | null, newValue: string | null) =>
      window.dispatchEvent(new StorageEvent('storage', { key: k, newValue, storageArea: localStorage }))
    fire('other-key', valid)
    fire(key, 'not valid')
    fire(key, store.userId)
    fire(null, null)
    expect(seen).toEqual([])
    fire(key, valid)
    expect(seen).toEqual([{ userId: valid, source: 'external', storage: 'local', persisted: true }])
    expect(store.userId).toBe(valid)
    stop()
    fire(key, 'A'.repeat(21))
    expect(seen).toHaveLength(1)
  })

  it('ignores storage events of sessionStorage and for non-local stores', () => {
    const store = openUserIdStore('session', key)
    const seen: UserIdEvent[] = []
    store.watch((e) => seen.push(e))
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: valid, storageArea: sessionStorage }))
    expect(seen).toEqual([])
  })
})
