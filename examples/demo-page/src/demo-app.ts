import { createCarClient, isCarError } from '@carkit/web-sdk'
import type { CarClientEvents } from '@carkit/web-sdk'
import { describeCarError } from './errors/describe-car-error.ts'
import type { CarClient, CarEventPayload } from './view/car-client-types.ts'
import { findDemoElements } from './view/demo-elements.ts'
import { createEventLog } from './view/event-log.ts'
import { formatSeconds as seconds } from './view/format-seconds.ts'
import { renderGrant } from './view/grant-details.ts'
import { renderNotice } from './view/notice.ts'
import { renderStatusBadge } from './view/status-badge.ts'
import { summarizeEvent } from './view/summarize-event.ts'
import type { CarEventName } from './view/summarize-event.ts'
import { renderUserId } from './view/user-id-panel.ts'
import type { RequestedStorage } from './view/user-id-panel.ts'

export interface DemoAppOptions {
  /** Base URL of the carkit broker. */
  brokerUrl: string
  /** Where the SDK should keep the UserId. */
  storage: RequestedStorage
  /** This page's origin as the broker sees it (`null` in a sandboxed frame). */
  origin: string
}

const EVENT_NAMES: readonly CarEventName[] = ['userid', 'statechange', 'request', 'retry', 'waiting', 'granted', 'error']

/**
 * Wires the demo page's markup to a carkit client: the UserId card, the state badge, the
 * Apply / Cancel buttons, the waiting switch, the notice with errors in plain words, and the
 * live event log.
 *
 * @example
 * ```ts
 * startDemoApp({ brokerUrl: 'http://127.0.0.1:8787', storage: 'local', origin: location.origin })
 * ```
 */
export function startDemoApp(options: DemoAppOptions): CarClient | undefined {
  const { notice, userId: userIdElements, grant, badge, badgeText, apply, cancel, reset, waitSwitch, ...logElements } = findDemoElements()
  const log = createEventLog(logElements.log, logElements.logEmpty)
  logElements.clearLog.addEventListener('click', () => log.clear())

  let client: CarClient
  try {
    client = createCarClient({ brokerUrl: options.brokerUrl, storage: options.storage })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    renderNotice(notice, 'error', 'This page could not start the carkit client.', message)
    apply.disabled = true
    reset.disabled = true
    return undefined
  }

  const logEvent = <E extends CarEventName>(name: E) => {
    const listener = (payload: CarEventPayload<E>) => log.add(name, summarizeEvent(name, payload))
    // TypeScript cannot see that a listener of the payload of E is CarClientEvents[E] for a generic E.
    client.on(name, listener as CarClientEvents[E])
  }
  EVENT_NAMES.forEach(logEvent)

  client.on('userid', (event) => renderUserId(userIdElements, event, options.storage))

  client.on('statechange', ({ state }) => {
    renderStatusBadge(badge, badgeText, state)
    const busy = state === 'requesting' || state === 'waiting'
    apply.disabled = busy
    cancel.hidden = !busy
  })

  client.on('waiting', ({ error, delayMs, waitedMs }) => {
    const text = describeCarError(error, { ...context(), stillTrying: true })
    const progress =
      waitedMs >= 1000
        ? `Waited ${seconds(waitedMs)} so far; next try in ${seconds(delayMs)}.`
        : `Next try in ${seconds(delayMs)}.`
    renderNotice(notice, 'info', text.title, `${text.hint} ${progress}`)
  })

  client.on('retry', ({ error, delayMs, attempt }) => {
    const text = describeCarError(error, { ...context(), stillTrying: true })
    renderNotice(notice, 'info', text.title, `Trying again in ${seconds(delayMs)} (attempt ${attempt + 1}).`)
  })

  client.on('granted', (granted) => {
    renderGrant(grant, granted)
    renderNotice(notice, 'success', 'You have a cloud instance.', 'Quota is reserved for your UserId; a real app would start the stream now.')
  })

  let inFlight: AbortController | undefined
  let waitForIdleOfCall = waitSwitch.checked

  function context() {
    return { brokerUrl: options.brokerUrl, origin: options.origin, stillTrying: false, waitForIdle: waitForIdleOfCall }
  }

  apply.addEventListener('click', () => {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    waitForIdleOfCall = waitSwitch.checked
    renderGrant(grant, undefined)
    renderNotice(notice, 'neutral', 'Asking the broker for quota…')
    client.applyConcurrent({ waitForIdle: waitForIdleOfCall, signal: controller.signal }).then(
      () => {
        if (inFlight === controller) inFlight = undefined
      },
      (error: unknown) => {
        if (inFlight === controller) inFlight = undefined
        if (!isCarError(error)) {
          renderNotice(notice, 'error', 'Something unexpected went wrong.', String(error))
          return
        }
        const text = describeCarError(error, context())
        const reference = error.requestId ? ` Reference: \`${error.requestId}\`.` : ''
        renderNotice(notice, error.code === 'Client.Aborted' ? 'neutral' : 'error', text.title, `${text.hint}${reference}`)
      },
    )
  })

  cancel.addEventListener('click', () => inFlight?.abort())

  reset.addEventListener('click', () => {
    client.resetUserId()
    renderGrant(grant, undefined)
    renderNotice(notice, 'neutral', 'You have a new UserId.', 'Apply again to get quota for it.')
  })

  return client
}
