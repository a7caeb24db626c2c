import { fileURLToPath } from 'node:url'

/**
 * Tests import workspace packages from their TypeScript sources, so `pnpm test`
 * never depends on a stale `dist/`.
 */
export const workspaceAliases: Record<string, string> = {
  '@carkit/emulator': fileURLToPath(new URL('./packages/emulator/src/index.ts', import.meta.url)),
  '@carkit/broker': fileURLToPath(new URL('./packages/broker/src/index.ts', import.meta.url)),
  '@carkit/web-sdk': fileURLToPath(new URL('./packages/web-sdk/src/index.ts', import.meta.url)),
}
