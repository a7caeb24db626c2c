import type { CarClientEvents } from '@carkit/web-sdk'

export type { CarClient, CarClientState } from '@carkit/web-sdk'

/** The payload a listener of event `E` receives. */
export type CarEventPayload<E extends keyof CarClientEvents> = Parameters<CarClientEvents[E]>[0]
