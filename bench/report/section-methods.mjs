// @ts-check

/** How each section measures, in BENCHMARKS.md's words; kept apart from the rendering code. */
const METHODS = {
  signing: [
    "carkit's `signTc3` (`@carkit/broker`) against the official SDK's `Sign.sign3`",
    '(`tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js`) on the same inputs: a realistic',
    '`ApplyConcurrent` body, the same credentials, host `car.tencentcloudapi.com` and one fixed timestamp.',
    'Both must produce the identical `Authorization` header before anything is timed. The official signer',
    'gets the body as a ready `Buffer` (its exact-bytes path, the cheapest for it); a third row shows it as',
    '`CommonClient` calls it, with the request object it JSON-stringifies itself. `signTc3` caches the derived',
    'signing key per (SecretKey, UTC date, service); a second row shows it with another date on every call, so',
    'the cache never hits. Each is warmed up for 1 s, then they',
    'alternate in rounds (the order rotates every round) and the median round is reported.',
    '',
  ],
  brokers: [
    'autocannon (programmatic API, in the bench process) sends `ApplyConcurrent` with a fresh UserId on every',
    'request to four targets, all backed by one `@carkit/emulator` in its own process (capacity 10⁹,',
    'rate limit 10⁹/s, locks expire after 10 s):',
    '',
    "- **carkit broker** — `startBroker()` from `@carkit/broker` (what the `carkit-broker` CLI serves) in its own",
    '  process, with its defaults except `CARKIT_RATE_LIMIT=1000000/sec` and `CARKIT_UPSTREAM_RPS=1000000`;',
    "- **carkit broker in Express 5** — `createApp(loadConfig(env))` with the same settings, in its own process:",
    '  the broker as an operator mounts it in an Express server. Held to the same throughput goal;',
    '- **reference broker** — the same route and JSON on Express 5 + the official `CommonClient` (`car`,',
    '  `2022-01-10`, endpoint `car.tencentcloudapi.com`, plain HTTP through a keep-alive `http.Agent` that dials',
    '  the emulator), in its own process ([bench/reference-broker](bench/reference-broker));',
    '- **emulator called directly** — `POST /` signed by `signTc3` in the load generator for every request.',
    '',
    'Each target is warmed up, then the measured time is split into rounds in which the targets take turns',
    '(the order rotates), so a burst of noise from other work on the machine is shared out; each target\'s',
    'rounds are merged. Every answer is checked (a broker must return a grant, the emulator a `Response`',
    'without `Error`); anything else counts as failed. Latency percentiles come from autocannon\'s',
    'per-response high-resolution timings. Peak RSS is `process.resourceUsage().maxRSS` reported by each',
    'broker process at the end. CPU / req is the process\'s user + system CPU time during its runs divided by',
    'its successful requests: on 2 cores shared by load generator, broker and emulator, requests per second',
    'are bounded by the CPU all three need, so CPU per request is the steadier measure of a broker\'s cost.',
    'The one-connection run measures per-request latency without queueing, which is what the p50-overhead',
    'goal is about; at 32 connections on 2 cores the latency is mostly time spent waiting for a CPU.',
    '',
  ],
  size: [
    '`packages/web-sdk/dist/carkit.js` (ESM; ky and nanoid stay external, so this is the SDK\'s own code) and',
    '`dist/carkit.iife.js` (the script-tag build with everything bundled), as built, minified with the Oxc',
    'minifier vite 8 uses (a build that is already minified barely changes), and gzip level 9 of the minified code.',
    '',
  ],
  browser: [
    'Headless Chromium (Playwright, Debian\'s `/usr/bin/chromium`) loads a blank page with `<script src="carkit.iife.js">`',
    'from its own origin; the broker (in its own process, that origin allowed) talks to the emulator. Each round',
    'times `createCarClient({ brokerUrl, storage: \'memory\' })` → `granted` for a fresh client, and the same grant',
    'made with a bare `fetch` (same broker, fresh UserId); the two alternate which goes first. Two warm-up rounds',
    'are dropped. The first call of a fresh browser context (new connection and CORS preflight, first run of the',
    'SDK code) is timed separately in five fresh contexts per way, alternating, and its median shown. Chromium',
    'rounds `performance.now()` to 0.1 ms on a page that is not cross-origin isolated.',
    '',
  ],
}

/**
 * The "how it was measured" paragraph of one BENCHMARKS.md section, as Markdown lines.
 *
 * @param {keyof typeof METHODS} section
 * @returns {string[]}
 * @example
 * out.push('## 1. Signing', '', ...sectionMethod('signing'))
 */
export function sectionMethod(section) {
  return METHODS[section]
}
