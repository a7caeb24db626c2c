#!/usr/bin/env node
// `pnpm start`: build the packages, then run the broker (with the CAR emulator in-process when no
// Tencent credentials are set) and the demo page's Vite dev server, print where they are, and stop
// everything cleanly on Ctrl-C / SIGTERM.
//
// Environment: every CARKIT_* variable of the broker (see packages/broker/README.md; here
// CARKIT_RATE_LIMIT defaults to 600/min because all demo tabs share one address), plus
//   CARKIT_DEMO_PORT   port of the demo page (default 5173)
//   CARKIT_SKIP_BUILD  set to 1 to reuse the existing dist/ folders
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const demoDir = fileURLToPath(new URL('../examples/demo-page/', import.meta.url))
const demoPort = parsePort(process.env.CARKIT_DEMO_PORT, 5173)

/** @param {string} message */
function fail(message) {
  console.error(`carkit: ${message}`)
  process.exit(1)
}

/**
 * @param {string | undefined} value
 * @param {number} fallback
 */
function parsePort(value, fallback) {
  if (value === undefined || value === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`CARKIT_DEMO_PORT must be a port number from 1 to 65535, got "${value}".`)
  }
  return port
}

/** @param {unknown} error */
function isAddressInUse(error) {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE'
}

function buildPackages() {
  if (process.env.CARKIT_SKIP_BUILD === '1') return
  console.log('carkit: building the packages (pnpm build)…')
  const result = spawnSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'inherit' })
  if (result.error) fail(`could not run pnpm: ${result.error.message}. Install it with \`npm i -g pnpm@10.34.9\`.`)
  if (result.status !== 0) fail('the package build failed (see above). Fix it, then run `pnpm start` again.')
}

async function startBrokerFromDist() {
  /** @type {typeof import('@carkit/broker')} */
  const broker = await import(pathToFileURL(`${repoRoot}packages/broker/dist/index.js`).href)
  // Every demo tab comes from 127.0.0.1, so they share one rate-limit bucket; the production
  // default (30/min per address) would throttle a few waiting tabs. An explicit value wins.
  const env = { CARKIT_RATE_LIMIT: '600/min', ...process.env }
  try {
    const config = broker.loadConfig(env)
    return { config, running: await broker.startBroker({ env }) }
  } catch (error) {
    if (isAddressInUse(error)) {
      fail(`the broker's port is in use (${process.env.CARKIT_PORT ?? '8787'}). Is carkit already running? Stop it, or set CARKIT_PORT to another port.`)
    }
    if (error instanceof Error && error.name === 'BrokerConfigError') fail(error.message)
    throw error
  }
}

/** @param {string} brokerUrl */
async function startDemoPage(brokerUrl) {
  // The page reads the broker URL at build time from VITE_CARKIT_BROKER_URL (Vite passes VITE_*
  // variables of the environment through); `?broker=` still overrides it in the browser.
  process.env.VITE_CARKIT_BROKER_URL = brokerUrl.replace('//0.0.0.0:', '//127.0.0.1:')
  const require = createRequire(`${demoDir}package.json`)
  /** @type {typeof import('vite')} */
  const vite = await import(pathToFileURL(require.resolve('vite')).href)
  // Vite's dev server installs its own SIGTERM (and stdin-end) handler that closes only Vite and
  // exits with 143; this script stops Vite *and* the broker itself, so that handler is taken off.
  const sigtermBefore = new Set(process.listeners('SIGTERM'))
  const stdinEndBefore = new Set(process.stdin.listeners('end'))
  const server = await vite.createServer({
    root: demoDir,
    configFile: `${demoDir}vite.config.ts`,
    server: { host: '127.0.0.1', port: demoPort, strictPort: true },
    clearScreen: false,
    logLevel: 'warn',
  })
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    if (isAddressInUse(error) || (error instanceof Error && /already in use/i.test(error.message))) {
      throw new Error(`port ${demoPort} for the demo page is in use. Stop whatever uses it, or set CARKIT_DEMO_PORT to another port.`)
    }
    throw error
  }
  for (const listener of process.listeners('SIGTERM')) {
    if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener)
  }
  for (const listener of process.stdin.listeners('end')) {
    if (!stdinEndBefore.has(listener)) process.stdin.off('end', /** @type {() => void} */ (listener))
  }
  return server
}

/** @param {import('@carkit/broker').AllowedOrigins} origins */
function describeOrigins(origins) {
  const parts = [...origins.exact, ...origins.anyPort.map((origin) => `${origin}:*`)]
  if (origins.allowNull) parts.push('null')
  if (origins.any) parts.push('*')
  return parts.length === 0 ? 'none (set CARKIT_ALLOWED_ORIGINS)' : parts.join(', ')
}

/**
 * @param {import('@carkit/broker').AllowedOrigins} origins
 * @param {string} origin
 */
function allowsOrigin(origins, origin) {
  return origins.any || origins.exact.includes(origin) || origins.anyPort.some((prefix) => origin.startsWith(`${prefix}:`))
}

buildPackages()
const { config, running: broker } = await startBrokerFromDist()
let demo
try {
  demo = await startDemoPage(broker.url)
} catch (error) {
  await broker.close()
  fail(error instanceof Error ? error.message : String(error))
}

const pageUrl = `http://127.0.0.1:${demoPort}/`
const emulator = broker.upstream === 'emulator' ? broker.emulator : undefined
const capacity = emulator ? (Object.values(emulator.snapshot().projects)[0]?.capacity ?? 0) : 0
const upstream = emulator
  ? `emulator mode — no Tencent credentials set; using a local CAR emulator at ${emulator.url} (${capacity} ${capacity === 1 ? 'slot' : 'slots'} per project)`
  : `Tencent Cloud at ${config.endpoint ?? ''}`
const waitingHint = emulator
  ? `
Tabs of one browser share one UserId (and so one slot). To see the waiting path, open
${pageUrl}?storage=session in ${capacity + 1} tabs (each tab then has its own UserId) and apply in each.`
  : ''

// The plain script-tag page has no build step, so a non-default broker goes in its query string.
const pageBrokerUrl = process.env.VITE_CARKIT_BROKER_URL ?? broker.url
const scriptTagUrl = `${pageUrl}script-tag.html${pageBrokerUrl === 'http://127.0.0.1:8787' ? '' : `?broker=${pageBrokerUrl}`}`
const pageOrigin = pageUrl.slice(0, -1)
const originWarning = allowsOrigin(config.allowedOrigins, pageOrigin)
  ? ''
  : `
Warning: the broker does not allow the demo page's origin ${pageOrigin}, so the page cannot call it.
Add it to CARKIT_ALLOWED_ORIGINS (e.g. CARKIT_ALLOWED_ORIGINS=${pageOrigin}) and start again.`

console.log(`
carkit is running

  Demo page         ${pageUrl}
  Script-tag page   ${scriptTagUrl}
  Broker            ${broker.url}
  Upstream          ${upstream}
  Projects          ${config.projectIds.join(', ')}
  Allowed origins   ${describeOrigins(config.allowedOrigins)}
${waitingHint}${originWarning}
Press Ctrl-C to stop.
`)

let stopping = false
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) {
    console.log(`carkit: ${signal} again — exiting now.`)
    process.exit(1)
  }
  stopping = true
  console.log(`\ncarkit: ${signal} received — stopping the demo page and the broker…`)
  const forceExit = setTimeout(() => {
    console.error('carkit: shutdown took longer than 10 s — exiting anyway.')
    process.exit(1)
  }, 10_000)
  forceExit.unref()
  const results = await Promise.allSettled([demo.close(), broker.close()])
  for (const result of results) {
    if (result.status === 'rejected') console.error(`carkit: error while stopping: ${String(result.reason)}`)
  }
  console.log('carkit: stopped.')
  process.exit(0)
}

process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
