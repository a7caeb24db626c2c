// @vitest-environment node
import { createServer } from 'node:net'
import { startBroker, type BrokerOptions } from '@carkit/broker'
import { startEmulator, type Emulator } from '@carkit/emulator'
import { afterEach, describe, expect, it } from 'vitest'
import { createCarClient, isCarError, type CarClientOptions, type CarError } from '../src/index.js'

// The real broker in front of the real emulator, on loopback ports.
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()))
})

const start = async (capacity: number, brokerOptions: BrokerOptions = {}) => {
  const emulator = await startEmulator({ capacity })
  const broker = await startBroker({
    host: '127.0.0.1',
    port: 0,
    // The broker's JSON log lines would only clutter the test output.
    brokerOptions: { logger: () => {}, ...brokerOptions },
    env: {
      CARKIT_SECRET_ID: emulator.credentials.secretId,
      CARKIT_SECRET_KEY: emulator.credentials.secretKey,
      CARKIT_ENDPOINT: emulator.url,
      CARKIT_PROJECT_IDS: 'cap-demo',
      CARKIT_ALLOWED_ORIGINS: '*',
      CARKIT_RATE_LIMIT: '1000/sec',
    },
  })
  cleanups.push(async () => {
    await broker.close()
    await emulator.close()
  })
  return { emulator, broker }
}

const client = (brokerUrl: string, options: Partial<CarClientOptions> = {}) => {
  const car = createCarClient({ brokerUrl, storage: 'memory', ...options })
  cleanups.push(async () => car.destroy())
  return car
}

const failure = (p: Promise<unknown>): Promise<CarError> =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (err: unknown) => {
      expect(isCarError(err)).toBe(true)
      return err as CarError
    },
  )

const applyCalls = (emulator: Emulator) => emulator.calls.filter((c) => c.action === 'ApplyConcurrent')

describe('web SDK against a real broker and emulator', () => {
  it('is granted quota for its persistent UserId', async () => {
    const { emulator, broker } = await start(1)
    const car = client(broker.url)
    const grant = await car.applyConcurrent()
    expect(grant).toMatchObject({ userId: car.userId, projectId: 'cap-demo', requestId: expect.any(String) })
    expect(car.state).toBe('granted')
    expect(applyCalls(emulator)).toEqual([expect.objectContaining({ code: 'OK', userId: car.userId, projectId: 'cap-demo', userIp: '127.0.0.1' })])
    expect(emulator.snapshot().projects['cap-demo']?.slots).toEqual([expect.objectContaining({ userId: car.userId, state: 'locked' })])
  })

  it('fails at once with ResourceNotFound.NoIdle when the project is full and waitForIdle is false', async () => {
    const { emulator, broker } = await start(1)
    await client(broker.url).applyConcurrent()
    const second = client(broker.url)
    const err = await failure(second.applyConcurrent({ waitForIdle: false }))
    expect(err).toMatchObject({ code: 'ResourceNotFound.NoIdle', status: 503, retryable: true, requestId: expect.any(String) })
    expect(applyCalls(emulator).filter((c) => c.userId === second.userId)).toHaveLength(1)
    expect(second.state).toBe('failed')
  })

  it('waits for idle quota and is granted once another user releases theirs', async () => {
    const { emulator, broker } = await start(1)
    const first = client(broker.url)
    await first.applyConcurrent()
    const second = client(broker.url)
    const waits: number[] = []
    second.on('waiting', ({ attempt, error }) => {
      expect(error.code).toBe('ResourceNotFound.NoIdle')
      waits.push(attempt)
      if (waits.length === 1) expect(emulator.release(first.userId)).toBe(true)
    })
    const grant = await second.applyConcurrent({ waitForIdle: true, maxWaitMs: 30_000 })
    expect(grant.userId).toBe(second.userId)
    expect(waits).toEqual([1])
    expect(emulator.snapshot().projects['cap-demo']?.slots.map((s) => s.userId)).toEqual([second.userId])
  }, 40_000)

  it('gives up waiting after maxWaitMs with the NoIdle error', async () => {
    const { broker } = await start(1)
    await client(broker.url).applyConcurrent()
    const second = client(broker.url)
    const err = await failure(second.applyConcurrent({ maxWaitMs: 1_000 }))
    expect(err.code).toBe('ResourceNotFound.NoIdle')
  }, 20_000)

  it('sends the app headers to the broker, which can refuse with a final Broker.Unauthorized', async () => {
    const { broker } = await start(1, { authorize: (req) => req.headers.authorization === 'Bearer good' })
    const ok = client(broker.url, { headers: async () => ({ Authorization: 'Bearer good' }) })
    await expect(ok.applyConcurrent()).resolves.toMatchObject({ userId: ok.userId })
    const refused = client(broker.url, { headers: { Authorization: 'Bearer bad' } })
    let requests = 0
    refused.on('request', () => requests++)
    expect(await failure(refused.applyConcurrent())).toMatchObject({ code: 'Broker.Unauthorized', status: 401, retryable: false })
    expect(requests).toBe(1)
  })

  it('reports Client.NetworkError after its retries when the broker is down', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const car = client(`http://127.0.0.1:${port}`, { retry: { limit: 2, delayMs: 20 } })
    let requests = 0
    car.on('request', () => requests++)
    expect(await failure(car.applyConcurrent())).toMatchObject({ code: 'Client.NetworkError', retryable: true })
    expect(requests).toBe(3)
  })

  it('reports Client.Timeout after its retries when the broker answers too slowly', async () => {
    const { emulator, broker } = await start(1)
    emulator.setLatency(1_500)
    const car = client(broker.url, { timeoutMs: 200, retry: { limit: 1, delayMs: 20 } })
    const retries: string[] = []
    car.on('retry', ({ error }) => retries.push(error.code))
    expect(await failure(car.applyConcurrent())).toMatchObject({ code: 'Client.Timeout', retryable: true })
    expect(retries).toEqual(['Client.Timeout'])
  }, 20_000)
})
