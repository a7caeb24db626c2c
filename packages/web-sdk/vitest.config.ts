import { readFileSync } from 'node:fs'
import { defineProject } from 'vitest/config'
import { workspaceAliases } from '../../vitest.aliases.ts'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

export default defineProject({
  define: { __CARKIT_VERSION__: JSON.stringify(version) },
  resolve: { alias: workspaceAliases },
  test: {
    name: 'web-sdk',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
})
