// @ts-check
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brokerApplyConcurrentRequests, isBrokerGrant } from '../load/apply-concurrent-requests.mjs'
import { runLoad } from '../load/run-load.mjs'
import { startChild } from '../processes/start-child.mjs'
import { summarizeCpuProfile } from '../profile/summarize-cpu-profile.mjs'

/**
 * Runs carkit's broker once more in its own process under `node --cpu-prof`, loads it like the
 * measured runs (fresh UserId per request), and summarises where its CPU time went.
 *
 * @param {{ childModule: string, brokerEnv: Record<string, string>, connections: number, durationSec: number, keepAs?: string | undefined }} options
 *   `childModule`: which broker child to start (`carkit-broker-child.mjs` or `carkit-express-child.mjs`);
 *   `brokerEnv`: the same child options the measured broker got; `keepAs`: also save the `.cpuprofile` there
 * @returns {Promise<import('../profile/summarize-cpu-profile.mjs').ProfileSummary & { file: string }>}
 * @example
 * const profile = await profileCarkitBroker({ childModule: 'carkit-broker-child.mjs', brokerEnv, connections: 32, durationSec: 8 })
 * profile.areas[0] // { name: 'native: writev', selfMs: 480, percent: 23.1 }
 */
export async function profileCarkitBroker(options) {
  const dir = mkdtempSync(join(tmpdir(), 'carkit-bench-prof-'))
  try {
    const broker = await startChild(fileURLToPath(new URL(`../processes/${options.childModule}`, import.meta.url)), {
      env: options.brokerEnv,
      execArgv: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200'],
    })
    try {
      await runLoad({
        url: String(broker.ready.url),
        nextRequest: brokerApplyConcurrentRequests(),
        isSuccess: isBrokerGrant,
        connections: options.connections,
        durationSec: options.durationSec,
      })
    } finally {
      await broker.stop()
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error('The profiled broker exited without writing a .cpuprofile.')
    const text = readFileSync(join(dir, file), 'utf8')
    if (options.keepAs) writeFileSync(options.keepAs, text)
    return { ...summarizeCpuProfile(JSON.parse(text)), file: options.keepAs ?? '(not kept)' }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
