import { defineProject } from 'vitest/config'
import { workspaceAliases } from '../vitest.aliases.ts'

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'bench',
    environment: 'node',
    include: ['**/*.test.mjs'],
    exclude: ['node_modules/**'],
    testTimeout: 30_000,
  },
})
