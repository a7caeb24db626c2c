import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CallLog } from './calls/call-log.js'
import { FaultInjector } from './faults/fault-injector.js'
import { createRequestHandler } from './http/request-handler.js'
import { QuotaPool } from './quota/quota-pool.js'
import { ActionRateLimiter } from './rate-limit/action-rate-limiter.js'
import { checkCount, resolveOptions } from './resolve-options.js'
import { SignatureVerifier } from './signature/verify-signature.js'
import type { Emulator, StartEmulatorOptions } from './types.js'

/**
 * Starts a local Tencent Cloud CAR API 3.0 endpoint (`POST /`, TC3-HMAC-SHA256 signed,
 * version `2022-01-10`) with per-project concurrency quota, and resolves once it listens.
 *
 * @example
 * const emu = await startEmulator({ port: 0, capacity: 2 })
 * console.log(emu.url, emu.credentials.secretId)
 * emu.failNext('ApplyConcurrent', 'InternalError')
 * await emu.close()
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const config = resolveOptions(options)
  const quota = new QuotaPool(config.projects, config.capacity, config.lockTtlMs)
  const faults = new FaultInjector()
  const calls = new CallLog(config.callLogSize)
  const timers = new Set<NodeJS.Timeout>()
  let latencyMs = config.latencyMs

  const handler = createRequestHandler({
    verifier: new SignatureVerifier({
      credentials: config.credentials,
      service: 'car',
      clockSkewToleranceSec: config.clockSkewToleranceSec,
      sessionToken: config.sessionToken,
    }),
    quota,
    limiter: new ActionRateLimiter(),
    faults,
    calls,
    rateLimitPerSecond: config.rateLimitPerSecond,
    maxBodyBytes: config.maxBodyBytes,
    latencyMs: () => latencyMs,
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer)
          resolve()
        }, ms)
        timers.add(timer)
      }),
  })
  const server = createServer({ keepAliveTimeout: 5_000 }, handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${hostForUrl}:${address.port}`
  let closing: Promise<void> | undefined

  return {
    url,
    credentials: { ...config.credentials },
    failNext(action, code, failOptions) {
      faults.add(action, code, failOptions)
    },
    setLatency(ms) {
      checkCount('latencyMs', ms, 0)
      latencyMs = ms
    },
    setCapacity(capacity) {
      checkCount('capacity', capacity, 0)
      quota.capacity = capacity
    },
    release: (userId) => quota.release(userId, Date.now()),
    snapshot: () => quota.snapshot(Date.now()),
    get calls() {
      return calls.toArray()
    },
    resetCalls() {
      calls.clear()
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Requests held by injected latency would keep sockets open; they end with the sockets.
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}
