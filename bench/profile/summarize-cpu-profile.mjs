// @ts-check

/**
 * @typedef {object} CpuProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 * @property {number[]} [children]
 */

/**
 * @typedef {object} CpuProfile the `.cpuprofile` JSON `node --cpu-prof` writes
 * @property {CpuProfileNode[]} nodes
 * @property {number[]} samples node id of every sample
 * @property {number[]} timeDeltas microseconds before every sample
 */

/**
 * @typedef {object} ProfileEntry
 * @property {string} name
 * @property {number} selfMs
 * @property {number} percent of all sampled time, idle excluded
 */

/**
 * @typedef {object} ProfileSummary
 * @property {number} busyMs sampled time that was not idle
 * @property {ProfileEntry[]} functions hottest functions by self time
 * @property {ProfileEntry[]} areas self time by where the code lives (a package, node internals, GC, …)
 */

/**
 * Reads a V8 CPU profile and says where the time went: the functions with the most self time,
 * and the same time grouped by area — a package in node_modules, carkit's own packages,
 * Node's internals, garbage collection — which is what decides what to change.
 *
 * @param {CpuProfile} profile
 * @param {{ top?: number }} [options] how many functions and areas to list (default 12)
 * @returns {ProfileSummary}
 * @example
 * const profile = JSON.parse(readFileSync('CPU.20261203.cpuprofile', 'utf8'))
 * summarizeCpuProfile(profile).areas // [{ name: 'express (node_modules)', selfMs: 812, percent: 21.4 }, …]
 */
export function summarizeCpuProfile(profile, options = {}) {
  const top = options.top ?? 12
  /** @type {Map<number, CpuProfileNode>} */
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  /** @type {Map<number, number>} */
  const selfMicros = new Map()
  profile.samples.forEach((nodeId, index) => {
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0))
  })

  /** @type {Map<string, number>} */
  const byFunction = new Map()
  /** @type {Map<string, number>} */
  const byArea = new Map()
  let busyMicros = 0
  for (const [nodeId, micros] of selfMicros) {
    const frame = nodes.get(nodeId)?.callFrame
    if (!frame || frame.functionName === '(idle)') continue
    busyMicros += micros
    const key = `${frame.functionName || '(anonymous)'} ${shortLocation(frame.url, frame.lineNumber)}`.trim()
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros)
    const area = areaOf(frame.url, frame.functionName)
    byArea.set(area, (byArea.get(area) ?? 0) + micros)
  }
  return {
    busyMs: busyMicros / 1000,
    functions: ranked(byFunction, busyMicros, top),
    areas: ranked(byArea, busyMicros, top),
  }
}

/**
 * Which area a frame's code belongs to.
 *
 * @param {string} url
 * @param {string} functionName
 * @returns {string}
 * @example
 * areaOf('file:///app/node_modules/.pnpm/express@5.3.0/node_modules/express/lib/router.js', 'handle') // 'express (node_modules)'
 */
export function areaOf(url, functionName) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection'
    if (functionName === '(program)') return 'V8/native (program)'
    return `native: ${functionName || '(anonymous)'}`
  }
  if (url.startsWith('node:')) return `node internals: ${url.slice('node:'.length).replace(/^internal\//, '').split('/')[0]}`
  const modules = url.lastIndexOf('/node_modules/')
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/')
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
    return `${name} (node_modules)`
  }
  const carkit = /\/packages\/([^/]+)\/(?:dist|src)\/(.+)$/.exec(url)
  if (carkit) return `@carkit/${carkit[1]}: ${carkit[2]?.split('/').slice(0, -1).join('/') || '.'}`
  return url.replace(/^file:\/\//, '')
}

/** @param {string} url @param {number} lineNumber */
function shortLocation(url, lineNumber) {
  if (!url) return ''
  const parts = url.replace(/^file:\/\//, '').split('/')
  return `(${parts.slice(-2).join('/')}:${lineNumber + 1})`
}

/**
 * @param {Map<string, number>} totals
 * @param {number} busyMicros
 * @param {number} top
 * @returns {ProfileEntry[]}
 */
function ranked(totals, busyMicros, top) {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, selfMs: micros / 1000, percent: busyMicros === 0 ? 0 : (100 * micros) / busyMicros }))
}
