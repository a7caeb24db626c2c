// @ts-check

/**
 * The child side of {@link import('./start-child.mjs').startChild}: tells the parent it is
 * ready (with e.g. its URL), answers usage requests with its own peak RSS and CPU time, and
 * on `stop` runs `close` and exits (exiting normally lets `--cpu-prof` write its profile).
 *
 * @param {{ ready: Record<string, unknown>, close: () => Promise<void> }} options
 * @example
 * const server = await startSomething()
 * serveParent({ ready: { url: server.url }, close: () => server.close() })
 */
export function serveParent(options) {
  const send = process.send?.bind(process)
  if (!send) throw new Error('This module is a benchmark child process; start it with startChild() from bench/processes.')
  process.on('message', async (/** @type {any} */ message) => {
    if (message?.type === 'usage') {
      const usage = process.resourceUsage()
      send({
        type: 'usage',
        id: message.id,
        usage: { maxRssBytes: usage.maxRSS * 1024, cpuUserMs: usage.userCPUTime / 1000, cpuSystemMs: usage.systemCPUTime / 1000 },
      })
    } else if (message?.type === 'stop') {
      await options.close().catch(() => undefined)
      process.exit(0)
    }
  })
  send({ type: 'ready', ...options.ready })
}

/**
 * Reports a start-up failure to the parent in one message, then exits with status 1.
 *
 * @param {unknown} error
 * @returns {never}
 * @example
 * startSomething().catch(reportStartFailure)
 */
export function reportStartFailure(error) {
  const message = error instanceof Error ? error.message : String(error)
  process.send?.({ type: 'failed', message })
  console.error(message)
  process.exit(1)
}

/**
 * Reads the JSON options a parent passed in `CARKIT_BENCH_CHILD_OPTIONS`.
 *
 * @returns {Record<string, any>}
 * @example
 * const { capacity } = readChildOptions()
 */
export function readChildOptions() {
  const raw = process.env.CARKIT_BENCH_CHILD_OPTIONS
  return raw ? JSON.parse(raw) : {}
}

/**
 * The broker environment both carkit children run with: the emulator as upstream, and the
 * rate limits the parent chose for the run.
 *
 * @param {Record<string, any>} options what {@link readChildOptions} returned
 * @returns {Record<string, string>}
 * @example
 * const broker = await startBroker({ host: '127.0.0.1', port: 0, env: carkitBrokerEnv(readChildOptions()) })
 */
export function carkitBrokerEnv(options) {
  return {
    CARKIT_SECRET_ID: options.secretId,
    CARKIT_SECRET_KEY: options.secretKey,
    CARKIT_ENDPOINT: options.upstreamUrl,
    CARKIT_PROJECT_IDS: options.projectIds.join(','),
    CARKIT_ALLOWED_ORIGINS: options.allowedOrigins ?? '*',
    CARKIT_RATE_LIMIT: options.rateLimit,
    CARKIT_UPSTREAM_RPS: String(options.upstreamRps),
  }
}

/**
 * Serves an Express app on 127.0.0.1 (any free port) as a benchmark child: reports its URL to
 * the parent and, on `stop`, closes the server and then runs `afterClose`.
 *
 * @param {{ listen: (port: number, host: string) => import('node:http').Server }} app
 * @param {() => void} [afterClose]
 * @returns {Promise<void>}
 * @example
 * await serveAppToParent(createApp(config))
 */
export async function serveAppToParent(app, afterClose = () => {}) {
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  serveParent({
    ready: { url: `http://127.0.0.1:${address.port}` },
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      afterClose()
    },
  })
}
