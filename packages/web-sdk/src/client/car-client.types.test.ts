// @vitest-environment node
import { describe, expectTypeOf, it } from 'vitest'
import type { CarError } from '../errors/car-error.js'
import type { CarErrorCode } from '../errors/car-error-code.js'
import type { Grant, RetryEvent, StateChangeEvent, UserIdEvent, WaitingEvent } from '../events/car-client-events.js'
import { createCarClient, type CarClient } from './create-car-client.js'

// The lines marked @ts-expect-error are checked by `tsc` (`pnpm typecheck`): each must fail to compile.
// The client is real but never calls the broker.
const car: CarClient = createCarClient({ brokerUrl: 'http://127.0.0.1:9', storage: 'memory' })

describe('CarClient types', () => {
  it('gives every listener the payload type of its event', () => {
    car.on('userid', (e) => expectTypeOf(e).toEqualTypeOf<UserIdEvent>())
    car.on('statechange', (e) => expectTypeOf(e).toEqualTypeOf<StateChangeEvent>())
    car.on('retry', (e) => expectTypeOf(e).toEqualTypeOf<RetryEvent>())
    car.on('waiting', (e) => expectTypeOf(e).toEqualTypeOf<WaitingEvent>())
    car.on('granted', (e) => expectTypeOf(e).toEqualTypeOf<Grant>())
    car.once('error', (e) => expectTypeOf(e).toEqualTypeOf<CarError>())
    expectTypeOf(car.on('granted', () => {})).toEqualTypeOf<() => void>()
    expectTypeOf(car.applyConcurrent).returns.toEqualTypeOf<Promise<Grant>>()
    expectTypeOf(car.state).toEqualTypeOf<'idle' | 'requesting' | 'waiting' | 'granted' | 'failed'>()
    expectTypeOf(car.userId).toBeString()
  })

  it('does not compile with a wrong event name or payload', () => {
    // @ts-expect-error 'grant' is not an event (it is 'granted')
    car.on('grant', () => {})
    // @ts-expect-error the granted payload has no `attempt`
    car.on('granted', (e: { attempt: number }) => e)
    // @ts-expect-error an error listener receives a CarError, not a string
    car.once('error', (e: string) => e)
    // @ts-expect-error userid sources are a closed set
    car.on('userid', (e) => e.source === 'cookie')
    expectTypeOf<'grant'>().not.toMatchTypeOf<Parameters<CarClient['on']>[0]>()
  })

  it('does not compile with an unknown option or a wrong option type', () => {
    const make = (run: () => void) => run
    // @ts-expect-error brokerUrl is required
    make(() => createCarClient({}))
    // @ts-expect-error storage is 'local' | 'session' | 'memory' | a storage object
    make(() => createCarClient({ brokerUrl: 'https://x', storage: 'cookie' }))
    // @ts-expect-error retry is an object or false
    make(() => createCarClient({ brokerUrl: 'https://x', retry: true }))
    // @ts-expect-error unknown option
    make(() => createCarClient({ brokerUrl: 'https://x', retries: 3 }))
    // @ts-expect-error waitForIdle is a boolean
    make(() => car.applyConcurrent({ waitForIdle: 'yes' }))
  })

  it('keeps known error codes as literals while accepting any upstream code', () => {
    expectTypeOf<'Client.Timeout'>().toMatchTypeOf<CarErrorCode>()
    expectTypeOf<'ResourceNotFound.NoIdle'>().toMatchTypeOf<CarErrorCode>()
    expectTypeOf<'SomeNew.UpstreamCode'>().toMatchTypeOf<CarErrorCode>()
    expectTypeOf<CarError['code']>().toEqualTypeOf<CarErrorCode>()
    expectTypeOf<CarError['retryable']>().toEqualTypeOf<boolean>()
  })
})
