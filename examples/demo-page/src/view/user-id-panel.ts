import type { CarEventPayload } from './car-client-types.ts'

type UserIdEvent = CarEventPayload<'userid'>

/** The storage the page asked the SDK for. */
export type RequestedStorage = 'local' | 'session' | 'memory'

export interface UserIdPanelElements {
  id: HTMLElement
  pill: HTMLElement
  storage: HTMLElement
}

const sourceWords: Record<UserIdEvent['source'], string> = {
  created: 'New id',
  restored: 'Restored',
  provided: 'Provided by the page',
  reset: 'Reset just now',
  external: 'Changed in another tab',
}

function whereItLives(event: UserIdEvent, requested: RequestedStorage): string {
  if (!event.persisted) {
    return requested === 'memory'
      ? 'Not persisted — kept in memory only, as asked; a reload gives a new id.'
      : 'Not persisted — this browser blocks storage here, so the id lives in memory and a reload gives a new one.'
  }
  switch (event.storage) {
    case 'local':
      return 'Saved in this browser (localStorage): the same id in every tab and after a reload.'
    case 'session':
      return 'Saved for this tab (sessionStorage): kept across reloads of this tab only.'
    case 'custom':
      return "Saved by the page's own storage."
    case 'memory':
      return 'Kept in memory only; a reload gives a new id.'
  }
}

/**
 * Shows the UserId, whether it is persisted, and where.
 *
 * @example
 * ```ts
 * renderUserId(elements, { userId: 'V1StGXR8_Z5jdHi6B-myT', source: 'restored', storage: 'local', persisted: true }, 'local')
 * ```
 */
export function renderUserId(elements: UserIdPanelElements, event: UserIdEvent, requested: RequestedStorage): void {
  elements.id.textContent = event.userId
  elements.pill.dataset.persisted = event.persisted ? 'yes' : 'no'
  elements.pill.textContent = event.persisted ? `${sourceWords[event.source]} · persisted` : `${sourceWords[event.source]} · not persisted`
  elements.storage.textContent = whereItLives(event, requested)
}
