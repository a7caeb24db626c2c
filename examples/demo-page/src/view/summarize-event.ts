import type { CarClientEvents } from '@carkit/web-sdk'
import type { CarEventPayload } from './car-client-types.ts'
import { formatSeconds as seconds } from './format-seconds.ts'

/** The event names the log shows, in the SDK's words. */
export type CarEventName = keyof CarClientEvents

const summaries: { [E in CarEventName]: (payload: CarEventPayload<E>) => string } = {
  userid: (e) => `${e.userId} · ${e.source} · ${e.storage}${e.persisted ? '' : ' (not persisted)'}`,
  statechange: (e) => `${e.previous} → ${e.state}`,
  request: (e) => `attempt ${e.attempt}${e.projectId ? ` · ${e.projectId}` : ''}`,
  retry: (e) => `${e.error.code} on attempt ${e.attempt}; retrying in ${seconds(e.delayMs)}`,
  waiting: (e) => `${e.error.code}; next try in ${seconds(e.delayMs)}, waited ${seconds(e.waitedMs)}`,
  granted: (e) => `request ${e.requestId} · ${e.projectId}`,
  error: (e) => `${e.code}${e.status ? ` (HTTP ${e.status})` : ''}: ${e.message}`,
}

/**
 * One short line describing an SDK event's payload, for the event log.
 *
 * @example
 * ```ts
 * summarizeEvent('statechange', { state: 'granted', previous: 'requesting' }) // 'requesting → granted'
 * ```
 */
export function summarizeEvent<E extends CarEventName>(name: E, payload: CarEventPayload<E>): string {
  const line = summaries[name](payload)
  return line.length > 160 ? `${line.slice(0, 159)}…` : line
}
