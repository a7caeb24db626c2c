import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnCli, type CliChild } from './support/cli-process.js'
import { rawRequest, type RawResponse } from './support/raw-request.js'
import { answerJson, startScriptedUpstream, type ScriptedUpstream } from './support/scripted-upstream.js'

const inFlight = 20
const upstreamLatencyMs = 1_000

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Connects as a new client until the port refuses. A connection that raced the closing listener
 * can be reset instead (it sat in the kernel's backlog), so that one is tried again; being
 * served at all is the failure.
 */
async function newClientOutcome(url: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const res = await rawRequest(url, { method: 'GET', path: '/healthz', timeoutMs: 2_000 })
      return `served ${res.status}`
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'ECONNRESET') return code ?? String(err)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return 'ECONNRESET every time'
}

describe('carkit-broker on SIGTERM with requests in flight', () => {
  let upstream: ScriptedUpstream | undefined
  let cli: CliChild | undefined

  afterEach(async () => {
    cli?.kill('SIGKILL')
    await upstream?.close()
  })

  it('stops accepting, answers every request in flight with 200, then exits 0', async () => {
    upstream = await startScriptedUpstream()
    let answered = 0
    // A Tencent Cloud that takes a second to grant: the requests are still in flight when SIGTERM lands.
    upstream.script((_req, res) => {
      setTimeout(() => answerJson(res, {}, `req-${++answered}`), upstreamLatencyMs)
    })
    cli = spawnCli({
      CARKIT_SECRET_ID: 'AKIDshutdowntest',
      CARKIT_SECRET_KEY: 'shutdown-test-secret-key',
      CARKIT_ENDPOINT: upstream.url,
      CARKIT_PROJECT_IDS: 'cap-demo',
      CARKIT_HOST: '127.0.0.1',
      CARKIT_PORT: '0',
      CARKIT_RATE_LIMIT: '1000/sec',
      CARKIT_LOG_LEVEL: 'warn',
    })
    const [, url = ''] = await cli.waitFor(/listening on (http:\/\/\S+)/)

    const settled: Array<RawResponse | Error> = []
    const requests = Array.from({ length: inFlight }, (_, i) =>
      rawRequest(url, { method: 'POST', path: '/v1/apply-concurrent', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: `drain-${i}` }) }).then(
        (res) => void settled.push(res),
        (err: Error) => void settled.push(err),
      ),
    )
    await until(() => upstream?.requests === inFlight, 10_000, 'every request to reach the upstream')
    expect(settled).toEqual([])

    // An idle keep-alive connection must not hold the shutdown up until the 10 s cut-off.
    const idleAgent = new http.Agent({ keepAlive: true })
    expect((await rawRequest(url, { method: 'GET', path: '/healthz', agent: idleAgent })).status).toBe(200)

    const signalledAt = Date.now()
    cli.kill('SIGTERM')
    await cli.waitFor(/SIGTERM received/)
    // The listening socket closes: a new client is refused while the others are still being served.
    expect(await newClientOutcome(url)).toBe('ECONNREFUSED')

    await Promise.all(requests)
    const exit = await Promise.race([cli.exited, new Promise<'too slow'>((resolve) => setTimeout(() => resolve('too slow'), 12_000))])
    expect(exit).toEqual({ code: 0, signal: null })
    // About the upstream's 1 s; the broker's own cut-off for stragglers is 10 s.
    expect(Date.now() - signalledAt).toBeLessThan(8_000)
    idleAgent.destroy()

    expect(settled).toHaveLength(inFlight)
    for (const res of settled) {
      expect(res).not.toBeInstanceOf(Error)
      expect((res as RawResponse).status).toBe(200)
    }
    const userIds = settled.map((res) => (JSON.parse((res as RawResponse).body) as { userId: string }).userId).sort()
    expect(userIds).toEqual(Array.from({ length: inFlight }, (_, i) => `drain-${i}`).sort())
    expect(cli.stderr()).toBe('')
  }, 40_000)
})
