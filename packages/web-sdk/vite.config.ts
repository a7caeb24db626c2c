import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// Two builds into one dist/: `vite build` → ESM with ky and nanoid external (bundlers dedupe
// them); `vite build --mode iife` → one minified script defining `window.CarKit`.
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife'
  return {
    define: { __CARKIT_VERSION__: JSON.stringify(version) },
    build: {
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: 'src/index.ts',
        name: 'CarKit',
        formats: [iife ? 'iife' : 'es'],
        fileName: () => (iife ? 'carkit.iife.js' : 'carkit.js'),
      },
      rolldownOptions: { external: iife ? [] : ['ky', 'nanoid'], output: { minify: true } },
    },
  }
})
