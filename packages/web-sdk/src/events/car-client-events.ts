import type { CarError } from '../errors/car-error.js'

/** Where a client keeps its UserId. `memory` also after a fallback from a failing storage. */
export type UserIdStorageKind = 'local' | 'session' | 'memory' | 'custom'

/** Life cycle of a client's quota request. */
export type CarClientState = 'idle' | 'requesting' | 'waiting' | 'granted' | 'failed'

/** Payload of the `userid` event. */
export interface UserIdEvent {
  userId: string
  /** `external`: another tab changed it; `reset`: `resetUserId()` was called. */
  source: 'created' | 'restored' | 'provided' | 'reset' | 'external'
  /** Where the id lives now: `memory` when the chosen storage failed. */
  storage: UserIdStorageKind
  /** `true` when the id was written to (or read from) a storage that survives a reload. */
  persisted: boolean
}

/** Payload of the `statechange` event. */
export interface StateChangeEvent {
  state: CarClientState
  previous: CarClientState
}

/** Payload of the `request` event, sent before each HTTP attempt. */
export interface RequestEvent {
  /** 1 for the first attempt of a call, then 2, 3, … */
  attempt: number
  userId: string
  projectId?: string
}

/** Payload of the `retry` event: a transient error, another attempt follows after `delayMs`. */
export interface RetryEvent {
  /** The attempt that just failed. */
  attempt: number
  delayMs: number
  error: CarError
}

/** Payload of the `waiting` event: no idle quota yet, another attempt follows after `delayMs`. */
export interface WaitingEvent {
  /** The attempt that just failed. */
  attempt: number
  delayMs: number
  /** Milliseconds since the call started. */
  waitedMs: number
  error: CarError
}

/** What `applyConcurrent()` resolves with, and the payload of the `granted` event. */
export interface Grant {
  requestId: string
  userId: string
  projectId: string
}

/** The events of a client and their listeners: `car.on('granted', (grant) => …)`. */
export interface CarClientEvents {
  userid: (event: UserIdEvent) => void
  statechange: (event: StateChangeEvent) => void
  request: (event: RequestEvent) => void
  retry: (event: RetryEvent) => void
  waiting: (event: WaitingEvent) => void
  granted: (grant: Grant) => void
  error: (error: CarError) => void
}
