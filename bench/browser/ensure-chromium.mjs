// @ts-check
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { chromiumPath } from '../../scripts/chromium.mjs'

const script = fileURLToPath(new URL('../../scripts/ensure-chromium.mjs', import.meta.url))

/**
 * Makes sure a Chromium is there for the browser benchmark, the same way the test suite does
 * (the repository's `scripts/ensure-chromium.mjs`: `CHROMIUM_PATH`, else /usr/bin/chromium,
 * installing Debian's package when root), and returns its path.
 *
 * @returns {string} the Chromium executable to launch
 * @example
 * const executablePath = ensureChromium()
 */
export function ensureChromium() {
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) {
    const reason = (result.stderr || result.stdout || String(result.error ?? '')).trim()
    throw new Error(`No Chromium for the browser benchmark: ${reason || `${script} exited with ${result.status}`}`)
  }
  return chromiumPath()
}
