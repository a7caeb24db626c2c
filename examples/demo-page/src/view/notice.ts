export interface NoticeElements {
  box: HTMLElement
  title: HTMLElement
  hint: HTMLElement
}

/** `neutral` for guidance, `info` while the SDK keeps trying, `success` on a grant, `error` when it failed. */
export type NoticeTone = 'neutral' | 'info' | 'success' | 'error'

/**
 * Puts a message in the quota card's notice box: a one-line title and what to do next.
 *
 * @example
 * ```ts
 * renderNotice(elements, 'error', 'No idle instance right now.', 'Try again in a moment, or turn on waiting.')
 * ```
 */
export function renderNotice(elements: NoticeElements, tone: NoticeTone, title: string, hint = ''): void {
  elements.box.dataset.tone = tone
  elements.title.textContent = title
  elements.hint.textContent = hint
}
