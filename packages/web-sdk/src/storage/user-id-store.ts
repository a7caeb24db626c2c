import type { UserIdEvent, UserIdStorageKind } from '../events/car-client-events.js'
import { createUserId, isUserId } from './user-id.js'

/** A synchronous key/value store, such as `localStorage`, to keep the UserId in. */
export interface UserIdStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Where to keep the UserId: a browser storage, memory only, or your own store. */
export type StorageOption = 'local' | 'session' | 'memory' | UserIdStorage

/** The client's UserId and where it lives. */
export interface UserIdStore {
  readonly userId: string
  /** The `userid` event describing how the id was obtained. */
  readonly first: UserIdEvent
  /** Replaces the id with a new one, persisted when the storage allows. */
  reset(): UserIdEvent
  /** Listens for another tab changing the id in `localStorage`; returns the stop function. */
  watch(onExternal: (event: UserIdEvent) => void): () => void
}

/**
 * Opens the UserId store. Never fails: when the storage is missing or throws (sandboxed iframe,
 * disabled storage, quota exceeded, no `window`), the id is kept in memory and `persisted` is false.
 * With `provided`, storage is not touched at all.
 *
 * @example
 * ```ts
 * const store = openUserIdStore('local', 'carkit:user-id')
 * store.userId // same value after a reload
 * ```
 */
export function openUserIdStore(option: StorageOption, key: string, provided?: string): UserIdStore {
  let area: UserIdStorage | undefined
  let kind: UserIdStorageKind = 'memory'
  const drop = () => {
    area = undefined
    kind = 'memory'
  }
  const event = (source: UserIdEvent['source']): UserIdEvent => ({ userId: id, source, storage: kind, persisted: !!area })
  const write = (value: string) => {
    try {
      area?.setItem(key, value)
    } catch {
      drop()
    }
  }

  let id = provided ?? ''
  let first: UserIdEvent['source'] = 'provided'
  if (!provided) {
    let stored: string | null = null
    if (option !== 'memory') {
      try {
        // Reading `window.localStorage` itself throws a SecurityError in sandboxed iframes;
        // with no `window` (SSR, workers) this throws a ReferenceError.
        kind = typeof option === 'object' ? 'custom' : option
        area = typeof option === 'object' ? option : window[`${option}Storage`]
        stored = area.getItem(key)
      } catch {
        drop()
      }
    }
    if (isUserId(stored)) {
      id = stored
      first = 'restored'
    } else {
      id = createUserId()
      first = 'created'
      write(id)
    }
  }
  const firstEvent = event(first)

  return {
    get userId() {
      return id
    },
    first: firstEvent,
    reset() {
      id = createUserId()
      write(id)
      return event('reset')
    },
    watch(onExternal) {
      if (kind !== 'local') return () => {}
      const onStorage = (e: StorageEvent) => {
        if (e.key === key && e.storageArea === area && isUserId(e.newValue) && e.newValue !== id) {
          id = e.newValue
          onExternal(event('external'))
        }
      }
      window.addEventListener('storage', onStorage)
      return () => window.removeEventListener('storage', onStorage)
    },
  }
}
