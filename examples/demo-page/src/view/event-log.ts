/** The most entries the log keeps; older ones scroll away for good. */
const MAX_ENTRIES = 200

export interface EventLog {
  /** Adds a line at the top: the time, the event name and a short payload. */
  add(name: string, summary: string, at?: Date): void
  clear(): void
}

function clock(at: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`
}

/**
 * A live event log in an `<ol role="log">`, newest first, bounded to 200 lines. The empty-state
 * paragraph is hidden while the log has entries.
 *
 * @example
 * ```ts
 * const log = createEventLog(list, emptyNote)
 * log.add('granted', 'request 3f2c… · cap-demo')
 * ```
 */
export function createEventLog(list: HTMLOListElement, emptyNote: HTMLElement): EventLog {
  const sync = () => {
    emptyNote.hidden = list.childElementCount > 0
  }
  sync()
  return {
    add(name, summary, at = new Date()) {
      const item = document.createElement('li')
      const time = document.createElement('time')
      time.dateTime = at.toISOString()
      time.textContent = clock(at)
      const event = document.createElement('span')
      event.className = 'log__event'
      event.dataset.event = name
      event.textContent = name
      const payload = document.createElement('span')
      payload.className = 'log__payload'
      payload.textContent = summary
      item.append(time, event, payload)
      list.prepend(item)
      while (list.childElementCount > MAX_ENTRIES) list.lastElementChild?.remove()
      sync()
    },
    clear() {
      list.replaceChildren()
      sync()
    },
  }
}
