import type { Grant } from '@carkit/web-sdk'

export interface GrantElements {
  list: HTMLElement
  requestId: HTMLElement
  projectId: HTMLElement
  time: HTMLElement
}

/**
 * Shows a grant's request id, project and time under the notice, or hides the block with `undefined`.
 *
 * @example
 * ```ts
 * renderGrant(elements, grant)     // shown
 * renderGrant(elements, undefined) // hidden, e.g. after Reset UserId
 * ```
 */
export function renderGrant(elements: GrantElements, grant: Grant | undefined, at = new Date()): void {
  elements.list.hidden = grant === undefined
  if (grant === undefined) return
  elements.requestId.textContent = grant.requestId
  elements.projectId.textContent = grant.projectId
  elements.time.textContent = at.toLocaleTimeString([], { hour12: false })
}
