import type { GrantElements } from './grant-details.ts'
import type { NoticeElements } from './notice.ts'
import { requireElement } from './require-element.ts'
import type { UserIdPanelElements } from './user-id-panel.ts'

/** Every element of `index.html` the demo app reads or writes. */
export interface DemoElements {
  notice: NoticeElements
  userId: UserIdPanelElements
  grant: GrantElements
  badge: HTMLSpanElement
  badgeText: HTMLSpanElement
  apply: HTMLButtonElement
  cancel: HTMLButtonElement
  reset: HTMLButtonElement
  waitSwitch: HTMLInputElement
  log: HTMLOListElement
  logEmpty: HTMLParagraphElement
  clearLog: HTMLButtonElement
}

/**
 * Finds the demo page's elements by id, failing at start-up with a clear message when the
 * markup and the code disagree.
 *
 * @example
 * ```ts
 * const { apply } = findDemoElements()
 * ```
 */
export function findDemoElements(): DemoElements {
  return {
    notice: {
      box: requireElement('notice', HTMLDivElement),
      title: requireElement('notice-title', HTMLParagraphElement),
      hint: requireElement('notice-hint', HTMLParagraphElement),
    },
    userId: {
      id: requireElement('user-id', HTMLElement),
      pill: requireElement('user-id-persisted', HTMLSpanElement),
      storage: requireElement('user-id-storage', HTMLParagraphElement),
    },
    grant: {
      list: requireElement('grant', HTMLElement),
      requestId: requireElement('grant-request-id', HTMLElement),
      projectId: requireElement('grant-project-id', HTMLElement),
      time: requireElement('grant-time', HTMLElement),
    },
    badge: requireElement('status', HTMLSpanElement),
    badgeText: requireElement('status-text', HTMLSpanElement),
    apply: requireElement('apply', HTMLButtonElement),
    cancel: requireElement('cancel', HTMLButtonElement),
    reset: requireElement('reset-user-id', HTMLButtonElement),
    waitSwitch: requireElement('wait-for-idle', HTMLInputElement),
    log: requireElement('event-log', HTMLOListElement),
    logEmpty: requireElement('event-log-empty', HTMLParagraphElement),
    clearLog: requireElement('clear-log', HTMLButtonElement),
  }
}
