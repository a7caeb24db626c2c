// @ts-check
// The one place that says which Chromium the browser tests and the browser benchmark drive, and how.

/** Debian's package; `CHROMIUM_PATH` points elsewhere (e.g. Playwright's own browser). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * The Chromium executable to launch: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 *
 * @returns {string}
 * @example
 * chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
 */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH
}

/**
 * Launch flags: headless as root, and no background networking — this machine's closed network
 * refuses Chromium's own connections (updates, sync, component downloads) otherwise.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])
