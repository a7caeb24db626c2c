export { createCarClient } from './client/create-car-client.js'
export type { CarClient } from './client/create-car-client.js'
export type { ApplyConcurrentOptions, CarClientOptions, HeadersOption, RetryOptions } from './client/options.js'
export { CarError, isCarError } from './errors/car-error.js'
export type { CarErrorInit } from './errors/car-error.js'
export type { BrokerErrorCode, CarErrorCode, ClientErrorCode } from './errors/car-error-code.js'
export type {
  CarClientEvents,
  CarClientState,
  Grant,
  RequestEvent,
  RetryEvent,
  StateChangeEvent,
  UserIdEvent,
  UserIdStorageKind,
  WaitingEvent,
} from './events/car-client-events.js'
export type { StorageOption, UserIdStorage } from './storage/user-id-store.js'
export { version } from './version.js'
