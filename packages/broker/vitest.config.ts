import { defineProject } from 'vitest/config'
import { workspaceAliases } from '../../vitest.aliases.ts'

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'broker',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
})
