/**
 * Looks up an element of `index.html` by id and checks its type, so a renamed id fails loudly
 * at start-up instead of silently doing nothing.
 *
 * @example
 * ```ts
 * const apply = requireElement('apply', HTMLButtonElement)
 * ```
 */
export function requireElement<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id)
  if (!(element instanceof type)) {
    throw new Error(`The demo page's markup has no <${type.name}> with id "${id}". Restore it in index.html.`)
  }
  return element
}
