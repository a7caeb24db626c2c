import type { CarClientState } from './car-client-types.ts'

const labels: Record<CarClientState, string> = {
  idle: 'Ready',
  requesting: 'Requesting…',
  waiting: 'Waiting for a free instance',
  granted: 'Quota granted',
  failed: 'Failed',
}

/**
 * Shows the client's state in the badge: its words, and a `data-state` attribute the colours
 * (and the browser tests) key on.
 *
 * @example
 * ```ts
 * renderStatusBadge(badge, text, 'waiting') // → “Waiting for a free instance”, amber
 * ```
 */
export function renderStatusBadge(badge: HTMLElement, text: HTMLElement, state: CarClientState): void {
  badge.dataset.state = state
  text.textContent = labels[state]
}
