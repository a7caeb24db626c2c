import { afterEach, describe, expect, it, vi } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

afterEach(() => vi.restoreAllMocks())

describe('@carkit/web-sdk entry', () => {
  it('touches neither storage nor window listeners when imported', async () => {
    const local = vi.spyOn(window, 'localStorage', 'get')
    const session = vi.spyOn(window, 'sessionStorage', 'get')
    const listen = vi.spyOn(window, 'addEventListener')
    vi.resetModules()
    const sdk = await import('./index.js')
    expect(sdk.createCarClient).toBeTypeOf('function')
    expect(local).not.toHaveBeenCalled()
    expect(session).not.toHaveBeenCalled()
    expect(listen).not.toHaveBeenCalled()
  })

  it('exports createCarClient, CarError, isCarError and the package version, nothing else at run time', async () => {
    const sdk = await import('./index.js')
    expect(Object.keys(sdk).sort()).toEqual(['CarError', 'createCarClient', 'isCarError', 'version'])
    expect(sdk.version).toBe(pkg.version)
  })

  it('persists the UserId in localStorage and follows another tab through the client', async () => {
    localStorage.clear()
    const { createCarClient } = await import('./index.js')
    const car = createCarClient({ brokerUrl: 'http://127.0.0.1:9' })
    const events: unknown[] = []
    car.on('userid', (e) => events.push(e))
    await Promise.resolve()
    expect(localStorage.getItem('carkit:user-id')).toBe(car.userId)
    expect(events).toEqual([{ userId: car.userId, source: 'created', storage: 'local', persisted: true }])
    const again = createCarClient({ brokerUrl: 'http://127.0.0.1:9' })
    expect(again.userId).toBe(car.userId)
    const other = 'Other_tab_id-12345678'
    window.dispatchEvent(new StorageEvent('storage', { key: 'carkit:user-id', newValue: other, storageArea: localStorage }))
    expect(car.userId).toBe(other)
    expect(events.at(-1)).toEqual({ userId: other, source: 'external', storage: 'local', persisted: true })
    car.destroy()
    again.destroy()
    window.dispatchEvent(new StorageEvent('storage', { key: 'carkit:user-id', newValue: 'Third_tab_id-12345678', storageArea: localStorage }))
    expect(car.userId).toBe(other)
  })
})
