#!/usr/bin/env node
// @ts-check
// `pnpm bench`: signing, broker end to end, SDK size and browser time-to-grant, side by side with
// the official Tencent Cloud SDK; prints a table and writes BENCHMARKS.md. Run after `pnpm build`
// (the root script does): it measures the built packages, as users get them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { signTc3 } from '@carkit/broker'
import { measureTimeToGrant } from './browser/measure-time-to-grant.mjs'
import { measureBrokers } from './e2e/measure-brokers.mjs'
import { describeMachine } from './machine/describe-machine.mjs'
import { runSection } from './report/bench-results.mjs'
import { renderConsole } from './report/render-console.mjs'
import { renderMarkdown } from './report/render-markdown.mjs'
import { resultsJson } from './report/results-json.mjs'
import { measureSigning } from './signing/measure-signing.mjs'
import { measureSdkSize } from './size/measure-sdk-size.mjs'

const SECTIONS = ['signing', 'brokers', 'size', 'browser']
const HELP = `Usage: node bench/run.mjs [options]

  --only <list>        comma list of sections to run: ${SECTIONS.join(', ')} (default: all)
  --quick              short durations, to check the harness works (the report says so)
  --out <file>         where to write the report (default: BENCHMARKS.md at the repository root)
  --no-write           print only; do not write the report
  --json <file>        also write the results as JSON (default: bench/results/last-run.json)
  --profile <mode>     CPU-profile carkit's broker: auto (when it misses a goal; default), always, never
  --keep-profile <f>   also save that .cpuprofile to this file (open it in Chrome DevTools)
  -h, --help           this text`

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'string' },
    profile: { type: 'string', default: 'auto' },
    'keep-profile': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  console.log(HELP)
  process.exit(0)
}
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS
const unknown = only.filter((s) => !SECTIONS.includes(s))
if (unknown.length > 0) {
  console.error(`bench: unknown section in --only: ${unknown.join(', ')}. Choose from ${SECTIONS.join(', ')}.`)
  process.exit(2)
}
const profile = /** @type {'auto' | 'always' | 'never'} */ (values.profile)
if (!['auto', 'always', 'never'].includes(profile)) {
  console.error(`bench: --profile must be auto, always or never, got "${values.profile}".`)
  process.exit(2)
}
const quick = values.quick
const out = values.out ?? fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url))
const jsonOut = values.json ?? fileURLToPath(new URL('./results/last-run.json', import.meta.url))
const log = (/** @type {string} */ line) => console.log(`bench: ${line}`)

const started = Date.now()
const machine = describeMachine(new Date(started))
log(`${machine.cpuModel} × ${machine.cores}, Node ${machine.node}${quick ? ' (quick run)' : ''}`)

/** @param {string} name */
const wanted = (name) => only.includes(name)

log('1/4 signing')
const signing = wanted('signing')
  ? await runSection(() => measureSigning(quick ? { signTc3, rounds: 5, roundMs: 50, warmupMs: 200 } : { signTc3 }))
  : undefined
log('2/4 broker end to end')
const brokers = wanted('brokers')
  ? await runSection(() =>
      measureBrokers({
        signTc3,
        profile,
        profileOutput: values['keep-profile'],
        log,
        ...(quick ? { durationSec: 2, warmupSec: 1, singleDurationSec: 2, rounds: 2 } : {}),
      }),
    )
  : undefined
log('3/4 SDK size')
const size = wanted('size') ? await runSection(() => measureSdkSize()) : undefined
log('4/4 browser time-to-grant')
const browser = wanted('browser') ? await runSection(() => measureTimeToGrant(quick ? { runs: 5, warmup: 1, coldRuns: 2 } : {})) : undefined

/** @type {import('./report/bench-results.mjs').BenchResults} */
const results = {
  machine,
  run: {
    durationSec: (Date.now() - started) / 1000,
    quick,
    command: ['pnpm bench', ...process.argv.slice(2)].join(' '),
  },
  signing,
  brokers,
  size,
  browser,
}

console.log(`\n${renderConsole(results)}\n`)
mkdirSync(dirname(jsonOut), { recursive: true })
writeFileSync(jsonOut, resultsJson(results))
log(`wrote ${jsonOut}`)
if (!values['no-write']) {
  writeFileSync(out, renderMarkdown(results))
  log(`wrote ${out}`)
}
const failed = [signing, brokers, size, browser].some((outcome) => outcome !== undefined && !outcome.ok)
process.exitCode = failed ? 1 : 0
