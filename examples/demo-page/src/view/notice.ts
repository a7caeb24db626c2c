export interface NoticeElements {
  box: HTMLElement
  title: HTMLElement
  hint: HTMLElement
}

/** `neutral` for guidance, `info` while the SDK keeps trying, `success` on a grant, `error` when it failed. */
export type NoticeTone = 'neutral' | 'info' | 'success' | 'error'

/** Writes `text` into `target`, turning `backticked` parts into `<code>` elements (never HTML). */
function writeWithCode(target: HTMLElement, text: string): void {
  target.replaceChildren(
    ...text.split('`').map((part, index) => {
      if (index % 2 === 0) return document.createTextNode(part)
      const code = document.createElement('code')
      code.textContent = part
      return code
    }),
  )
}

/**
 * Puts a message in the quota card's notice box: a one-line title and what to do next.
 * Text between backticks is shown as code.
 *
 * @example
 * ```ts
 * renderNotice(elements, 'error', 'No idle instance right now.', 'Try again in a moment, or turn on waiting.')
 * ```
 */
export function renderNotice(elements: NoticeElements, tone: NoticeTone, title: string, hint = ''): void {
  elements.box.dataset.tone = tone
  writeWithCode(elements.title, title)
  writeWithCode(elements.hint, hint)
}
