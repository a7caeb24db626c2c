import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { demoDistDir, demoPageDir, webSdkDistDir } from './support/paths.ts'

/**
 * Builds the demo page (Vite) into `examples/demo-page/dist` once before the browser suite, after
 * checking that the packages it needs were built.
 *
 * @example
 * ```ts
 * // playwright.config.ts
 * export default defineConfig({ globalSetup: './examples/demo-page/e2e/global-setup.ts' })
 * ```
 */
export default async function globalSetup(): Promise<void> {
  for (const file of ['carkit.js', 'carkit.iife.js']) {
    if (!existsSync(join(webSdkDistDir, file))) {
      throw new Error(`${join(webSdkDistDir, file)} is missing. Run \`pnpm build\` at the repository root first.`)
    }
  }
  await build({
    root: demoPageDir,
    configFile: join(demoPageDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: demoDistDir, emptyOutDir: true },
  })
}
