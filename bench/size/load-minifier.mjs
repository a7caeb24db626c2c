// @ts-check
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** @typedef {(filename: string, code: string) => Promise<string>} Minify */

/**
 * Loads the minifier the web SDK's own build uses — Oxc's, through the `rolldown` that
 * `vite` 8 depends on — resolved from the web SDK package, so "min" sizes are what that
 * toolchain produces, without the benchmark adding a second minifier to the workspace.
 *
 * @param {string} webSdkDir the `packages/web-sdk` directory
 * @returns {Promise<Minify>}
 * @example
 * const minify = await loadMinifier(webSdkDir)
 * const min = await minify('carkit.js', source)
 */
export async function loadMinifier(webSdkDir) {
  let utilsPath
  try {
    const viteManifest = createRequire(join(webSdkDir, 'package.json')).resolve('vite/package.json')
    utilsPath = createRequire(viteManifest).resolve('rolldown/utils')
  } catch (error) {
    throw new Error(
      `Could not find vite's rolldown from ${webSdkDir} to minify the SDK builds. Run \`pnpm install\` at the repository root. (${String(error)})`,
    )
  }
  /** @type {{ minify: (filename: string, code: string, options: object) => Promise<{ code: string, errors: Array<{ message: string }> }> }} */
  const rolldownUtils = await import(pathToFileURL(utilsPath).href)
  return async (filename, code) => {
    const result = await rolldownUtils.minify(filename, code, { module: filename.endsWith('.js') && !filename.includes('iife'), compress: true, mangle: true })
    if (result.errors.length > 0) {
      throw new Error(`Minifying ${filename} failed: ${result.errors.map((e) => e.message).join('; ')}`)
    }
    return result.code
  }
}
