#!/usr/bin/env node
// Makes sure the headless-browser suite has a Chromium to drive.
//
// The browser is `CHROMIUM_PATH` (default /usr/bin/chromium, Debian's package). When it is
// missing and we are root on a Debian-like system, install the `chromium` package with apt-get,
// saying what we do. Otherwise stop with a message that says how to get a browser.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { DEFAULT_CHROMIUM_PATH, chromiumPath } from './chromium.mjs'

const browserPath = chromiumPath()

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** @param {string} message */
function fail(message) {
  console.error(`ensure-chromium: ${message}`)
  process.exit(1)
}

/** @param {string[]} command */
function run(command) {
  console.log(`ensure-chromium: $ ${command.join(' ')}`)
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) fail(`could not run ${command[0]}: ${result.error.message}`)
  if (result.status !== 0) fail(`\`${command.join(' ')}\` exited with status ${result.status}.`)
}

if (isExecutable(browserPath)) {
  console.log(`ensure-chromium: using ${browserPath}`)
  process.exit(0)
}

const howToFix =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`), or point CHROMIUM_PATH at ' +
  'an existing Chromium or Chrome binary, e.g. `CHROMIUM_PATH=/usr/bin/google-chrome pnpm test`.'

if (process.env.CHROMIUM_PATH && process.env.CHROMIUM_PATH !== DEFAULT_CHROMIUM_PATH) {
  fail(`CHROMIUM_PATH is set to ${browserPath}, but there is no executable file there. ${howToFix}`)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
const isDebianLike = existsSync('/etc/debian_version')

if (!isRoot || !hasApt || !isDebianLike) {
  const why = !isDebianLike || !hasApt ? 'this is not a Debian-like system with apt-get' : 'we are not root'
  fail(`no browser at ${browserPath}, and ${why}, so it cannot be installed automatically. ${howToFix}`)
}

console.log(`ensure-chromium: no browser at ${browserPath}; installing Debian's chromium package.`)
run(['apt-get', 'update'])
run(['apt-get', 'install', '-y', 'chromium'])

if (!isExecutable(browserPath)) {
  fail(`the chromium package is installed, but ${browserPath} is still missing. ${howToFix}`)
}
console.log(`ensure-chromium: installed; using ${browserPath}`)
