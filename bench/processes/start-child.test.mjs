// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startChild } from './start-child.mjs'

const serveParent = pathToFileURL(new URL('./serve-parent.mjs', import.meta.url).pathname).href
/** @type {string[]} */
const dirs = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Writes a child module into a temp dir and returns its path. @param {string} source */
function childModule(source) {
  const dir = mkdtempSync(join(tmpdir(), 'carkit-bench-child-'))
  dirs.push(dir)
  const path = join(dir, 'child.mjs')
  writeFileSync(path, source)
  return path
}

describe('startChild', () => {
  it('resolves with what the child sent, reports its usage, and stops it', async () => {
    const path = childModule(`
      import http from 'node:http'
      import { readChildOptions, serveParent } from ${JSON.stringify(serveParent)}
      const server = http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1', () => {
        serveParent({ ready: { port: server.address().port, greeting: readChildOptions().greeting }, close: () => new Promise((r) => server.close(r)) })
      })
    `)
    const child = await startChild(path, { env: { CARKIT_BENCH_CHILD_OPTIONS: JSON.stringify({ greeting: 'hello' }) } })
    expect(child.ready.greeting).toBe('hello')
    expect(await (await fetch(`http://127.0.0.1:${child.ready.port}/`)).text()).toBe('ok')
    const usage = await child.usage()
    expect(usage.maxRssBytes).toBeGreaterThan(10 * 1024 * 1024)
    expect(usage.cpuUserMs).toBeGreaterThan(0)
    await child.stop()
    expect(() => process.kill(child.pid, 0)).toThrow()
  })

  it('rejects with the reason when the child cannot start', async () => {
    const path = childModule(`
      import { reportStartFailure } from ${JSON.stringify(serveParent)}
      reportStartFailure(new Error('port 1 is taken'))
    `)
    await expect(startChild(path)).rejects.toThrow(/could not start: port 1 is taken/)
  })

  it('rejects with its stderr when the child exits before it is ready', async () => {
    const path = childModule(`console.error('missing CARKIT_SECRET_ID'); process.exit(3)`)
    await expect(startChild(path)).rejects.toThrow(/exited before it was ready \(code 3.*missing CARKIT_SECRET_ID/s)
  })
})
