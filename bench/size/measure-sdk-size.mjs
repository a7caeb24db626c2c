// @ts-check
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { loadMinifier } from './load-minifier.mjs'

/**
 * @typedef {object} BuildSize
 * @property {string} file path relative to the web SDK package
 * @property {number} rawBytes the file as built
 * @property {number} minBytes after minification (a build that is already minified barely changes)
 * @property {number} gzipBytes the minified code, gzip level 9
 * @property {string[]} externalImports bare module specifiers the file still imports
 */

/**
 * @typedef {object} SdkSizeResult
 * @property {BuildSize} esm `dist/carkit.js`: the SDK's own code, ky and nanoid external
 * @property {BuildSize} iife `dist/carkit.iife.js`: everything bundled, `window.CarKit`
 * @property {number} bundledDepsGzipBytes IIFE gzip − ESM gzip: roughly what ky, nanoid and the IIFE wrapper add
 * @property {boolean} esmKeepsDepsExternal whether the ESM build imports ky and nanoid rather than containing them
 */

/**
 * SDK size: raw, minified and gzip (level 9) bytes of the web SDK's ESM and IIFE builds.
 * The ESM build keeps ky and nanoid external, so its size is the SDK's own code.
 *
 * @param {{ webSdkDir?: string, minifierFrom?: string }} [options] `webSdkDir`: the package whose
 *   `dist/` is measured (default: the installed `@carkit/web-sdk`); `minifierFrom`: the package
 *   vite is resolved from (default: `webSdkDir`)
 * @returns {Promise<SdkSizeResult>}
 * @example
 * const { esm, iife } = await measureSdkSize()
 * console.log(`own code ${esm.gzipBytes} B gzip, script tag ${iife.gzipBytes} B gzip`)
 */
export async function measureSdkSize(options = {}) {
  const webSdkDir = options.webSdkDir ?? dirname(createRequire(import.meta.url).resolve('@carkit/web-sdk/package.json'))
  const minify = await loadMinifier(options.minifierFrom ?? webSdkDir)
  const esm = await measureBuild(webSdkDir, 'dist/carkit.js', minify)
  const iife = await measureBuild(webSdkDir, 'dist/carkit.iife.js', minify)
  return {
    esm,
    iife,
    bundledDepsGzipBytes: iife.gzipBytes - esm.gzipBytes,
    esmKeepsDepsExternal: ['ky', 'nanoid'].every((name) => esm.externalImports.includes(name)),
  }
}

/**
 * @param {string} webSdkDir
 * @param {string} file
 * @param {import('./load-minifier.mjs').Minify} minify
 * @returns {Promise<BuildSize>}
 */
async function measureBuild(webSdkDir, file, minify) {
  const path = join(webSdkDir, file)
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist. Build the web SDK first: \`pnpm build\` (or \`pnpm --filter @carkit/web-sdk build\`).`)
  }
  const source = readFileSync(path, 'utf8')
  const minified = await minify(file, source)
  return {
    file,
    rawBytes: Buffer.byteLength(source),
    minBytes: Buffer.byteLength(minified),
    gzipBytes: gzipSync(minified, { level: 9 }).length,
    externalImports: bareImports(source),
  }
}

/**
 * Bare specifiers in static `import … from 'x'` / `export … from 'x'` / `import 'x'` statements.
 *
 * @param {string} source
 * @returns {string[]}
 * @example
 * bareImports('import ky from "ky";import{nanoid as n}from"nanoid"') // ['ky', 'nanoid']
 */
export function bareImports(source) {
  const found = new Set()
  for (const match of source.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]*?\s*from\s*)?["']([^"'./][^"']*)["']/g)) {
    if (match[1]) found.add(match[1])
  }
  return [...found].sort()
}
