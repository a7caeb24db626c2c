import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)

/** The demo page package (`examples/demo-page`). */
export const demoPageDir = fileURLToPath(new URL('../../', import.meta.url))

/** Where the browser suite's global setup builds the demo page. */
export const demoDistDir = join(demoPageDir, 'dist')

/** Pages that exist only for the browser tests (ESM import map, sandboxed frame host). */
export const testPagesDir = fileURLToPath(new URL('../pages/', import.meta.url))

/** `@carkit/web-sdk`'s package folder, as the demo page resolves it. */
export const webSdkDir = dirname(require.resolve('@carkit/web-sdk/package.json'))

/** The web SDK's build output: `carkit.js`, `carkit.iife.js`, `index.d.ts`. */
export const webSdkDistDir = join(webSdkDir, 'dist')

/**
 * The folder of a runtime dependency of the web SDK (ky, nanoid), resolved from the SDK's own
 * `node_modules`, so the ESM page's import map serves exactly the versions the SDK was built with.
 *
 * @example
 * ```ts
 * webSdkDependencyDir('ky') // …/node_modules/.pnpm/ky@2.1.0/node_modules/ky
 * ```
 */
export function webSdkDependencyDir(name: 'ky' | 'nanoid'): string {
  return realpathSync(join(webSdkDir, 'node_modules', name))
}
