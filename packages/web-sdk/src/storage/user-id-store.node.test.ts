// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { isUserId } from './user-id.js'
import { openUserIdStore } from './user-id-store.js'

describe('openUserIdStore without a window (SSR, workers)', () => {
  it('falls back to memory for localStorage and sessionStorage', () => {
    expect(typeof window).toBe('undefined')
    for (const option of ['local', 'session'] as const) {
      const store = openUserIdStore(option, 'carkit:user-id')
      expect(isUserId(store.userId)).toBe(true)
      expect(store.first).toMatchObject({ source: 'created', storage: 'memory', persisted: false })
      expect(store.watch(() => {})).toBeTypeOf('function')
    }
  })
})
