import type http from 'node:http'
import type { Emulator } from '@carkit/emulator'
import type express from 'express'
import { describe, expectTypeOf, it, expect } from 'vitest'
import * as broker from '../src/index.js'
import type { ApplyConcurrentBody, AuthorizeResult, BrokerConfig, BrokerOptions, LogEntry, RunningBroker, SignTc3Input, SignTc3Result } from '../src/index.js'

describe('public API (contract shapes)', () => {
  it('exports the contract functions by name', () => {
    expect(Object.keys(broker).sort()).toEqual(
      [
        'BrokerConfigError',
        'BrokerCredentials',
        'BrokerError',
        'attachEmulator',
        'createApp',
        'createBroker',
        'defaultEndpoint',
        'isBrokerError',
        'loadConfig',
        'signTc3',
        'startBroker',
        'validateBrokerOptions',
      ].sort(),
    )
  })

  it('types the functions as the contract fixes them', () => {
    expectTypeOf(broker.loadConfig).toBeCallableWith(process.env)
    expectTypeOf(broker.loadConfig).returns.toEqualTypeOf<BrokerConfig>()
    expectTypeOf(broker.createBroker).returns.toEqualTypeOf<express.Router>()
    expectTypeOf(broker.createApp).returns.toEqualTypeOf<express.Express>()
    expectTypeOf(broker.signTc3).parameter(0).toEqualTypeOf<SignTc3Input>()
    expectTypeOf(broker.signTc3).returns.toEqualTypeOf<SignTc3Result>()
    expectTypeOf<Awaited<ReturnType<typeof broker.startBroker>>>().toEqualTypeOf<RunningBroker>()
    expectTypeOf<RunningBroker['url']>().toEqualTypeOf<string>()
    expectTypeOf<RunningBroker['upstream']>().toEqualTypeOf<'emulator' | 'tencent'>()
    expectTypeOf<RunningBroker['emulator']>().toEqualTypeOf<Emulator | undefined>()
    expectTypeOf<RunningBroker['server']>().toEqualTypeOf<http.Server>()
    expectTypeOf<BrokerConfig['upstream']>().toEqualTypeOf<'emulator' | 'tencent'>()
  })

  it('types the options: authorize gets the request and body, may be async, and binds a userId', () => {
    expectTypeOf<AuthorizeResult>().toEqualTypeOf<boolean | { userId: string }>()
    const options: BrokerOptions = {
      authorize: async (req, body) => {
        expectTypeOf(req).toEqualTypeOf<express.Request>()
        expectTypeOf(body).toEqualTypeOf<ApplyConcurrentBody>()
        return { userId: body.userId }
      },
      logger: (entry) => expectTypeOf(entry).toEqualTypeOf<LogEntry>(),
      upstreamTimeoutMs: 1000,
    }
    expect(options.upstreamTimeoutMs).toBe(1000)
    // @ts-expect-error a userId must be a string
    const wrong: BrokerOptions = { authorize: () => ({ userId: 42 }) }
    expect(wrong).toBeDefined()
  })
})
