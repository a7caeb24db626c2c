import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { serveCarkitIife } from './vite-plugins/serve-carkit-iife.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

// The broker's emulator-mode default origins are http://localhost:* and http://127.0.0.1:*,
// so the page is served on loopback.
export default defineConfig({
  root,
  plugins: [serveCarkitIife()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)) },
    },
  },
})
