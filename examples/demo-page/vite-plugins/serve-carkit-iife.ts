import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

/** Where the script-tag page loads the SDK from, relative to the site root. */
export const CARKIT_IIFE_PATH = '/carkit.iife.js'

/**
 * Absolute path of `@carkit/web-sdk`'s script-tag build (`dist/carkit.iife.js`).
 *
 * @example
 * ```ts
 * readFileSync(carkitIifeFile(), 'utf8')
 * ```
 */
export function carkitIifeFile(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@carkit/web-sdk/package.json')), 'dist', 'carkit.iife.js')
}

function readIife(): string {
  const file = carkitIifeFile()
  try {
    return readFileSync(file, 'utf8')
  } catch (cause) {
    throw new Error(
      `The web SDK's script-tag build is missing at ${file}. Run \`pnpm build\` at the repository root first.`,
      { cause },
    )
  }
}

/**
 * Serves the web SDK's IIFE build at `/carkit.iife.js` in the dev server and copies it into the
 * production build, so the plain-HTML script-tag page can load it with one `<script src>`.
 * The file is read on every dev request, so a rebuilt SDK shows up on reload.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [serveCarkitIife()] })
 * ```
 */
export function serveCarkitIife(): Plugin {
  return {
    name: 'carkit:serve-iife',
    configureServer(server) {
      server.middlewares.use(CARKIT_IIFE_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(readIife())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: CARKIT_IIFE_PATH.slice(1), source: readIife() })
    },
  }
}
