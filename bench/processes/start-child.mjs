// @ts-check
import { fork } from 'node:child_process'

/**
 * @typedef {object} ChildUsage what a child reports about itself
 * @property {number} maxRssBytes peak resident set size (`process.resourceUsage().maxRSS`)
 * @property {number} cpuUserMs
 * @property {number} cpuSystemMs
 */

/**
 * @typedef {object} StartedChild
 * @property {Record<string, unknown>} ready what the child sent with its `ready` message (e.g. its URL)
 * @property {() => Promise<ChildUsage>} usage asks the child for its resource usage so far
 * @property {() => Promise<void>} stop asks the child to close its servers and exit; kills it if it does not within 10 s
 * @property {number} pid
 */

/**
 * Starts one benchmark process (an emulator or a broker) with an IPC channel, and resolves
 * once it says it is listening. Each server runs in its own process so its peak memory and
 * CPU are its own, not the load generator's. The child's stdout is dropped (a broker's
 * per-request log lines cost it the same either way); its stderr is kept for error messages.
 *
 * @param {string} modulePath absolute path of the child's entry module
 * @param {{ args?: string[], env?: Record<string, string>, execArgv?: string[], readyTimeoutMs?: number }} [options]
 * @returns {Promise<StartedChild>}
 * @example
 * const emulator = await startChild(fileURLToPath(new URL('./emulator-child.mjs', import.meta.url)))
 * console.log(emulator.ready.url)
 * await emulator.stop()
 */
export function startChild(modulePath, options = {}) {
  const child = fork(modulePath, options.args ?? [], {
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (/** @type {string} */ chunk) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  let nextId = 1
  /** @type {Map<number, (value: ChildUsage) => void>} */
  const pending = new Map()
  child.on('message', (/** @type {any} */ message) => {
    if (message?.type === 'usage') pending.get(message.id)?.(message.usage)
  })

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${modulePath} did not report ready within ${options.readyTimeoutMs ?? 30_000} ms. Its stderr: ${stderr || '(empty)'}`))
    }, options.readyTimeoutMs ?? 30_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${modulePath} exited before it was ready (code ${code}, signal ${signal}). Its stderr: ${stderr || '(empty)'}`))
    })
    child.on('message', (/** @type {any} */ message) => {
      if (message?.type === 'failed') {
        clearTimeout(timer)
        reject(new Error(`${modulePath} could not start: ${message.message}`))
        return
      }
      if (message?.type !== 'ready') return
      clearTimeout(timer)
      resolve({
        ready: message,
        pid: /** @type {number} */ (child.pid),
        usage: () =>
          new Promise((resolveUsage, rejectUsage) => {
            const id = nextId++
            const usageTimer = setTimeout(() => rejectUsage(new Error(`${modulePath} did not report its usage.`)), 10_000)
            pending.set(id, (usage) => {
              clearTimeout(usageTimer)
              pending.delete(id)
              resolveUsage(usage)
            })
            child.send({ type: 'usage', id })
          }),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.send({ type: 'stop' })
          const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000)
          await exited
          clearTimeout(killTimer)
        },
      })
    })
  })
}
