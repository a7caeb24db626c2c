// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { createContext, runInContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

// Budgets of the built files (`pnpm build` runs before `pnpm test`), gzip level 9, 1 KB = 1024 bytes.
const budgets = { 'carkit.js': 3 * 1024, 'carkit.iife.js': 12 * 1024 }

const read = (file: string): string => {
  const url = new URL(`../dist/${file}`, import.meta.url)
  if (!existsSync(url)) {
    throw new Error(`dist/${file} is missing: run \`pnpm --filter @carkit/web-sdk build\` (or \`pnpm test\`, which builds first).`)
  }
  return readFileSync(url, 'utf8')
}

describe('built files', () => {
  it.each(Object.entries(budgets))('keeps dist/%s within %i bytes gzipped', (file, budget) => {
    const size = gzipSync(read(file), { level: 9 }).length
    expect(size, `dist/${file} is ${size} B gzipped, over its ${budget} B budget: trim code or messages`).toBeLessThanOrEqual(budget)
  })

  it('keeps ky and nanoid external in the ESM build', () => {
    const imports = [...read('carkit.js').matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]).sort()
    expect(imports).toEqual(['ky', 'nanoid'])
  })

  it('defines CarKit with createCarClient, CarError, isCarError and version from the IIFE alone', () => {
    const { URL, AbortController, AbortSignal, Request, Response, Headers, fetch, DOMException, ReadableStream, TextEncoder, TextDecoder } = globalThis
    const page = createContext({ URL, AbortController, AbortSignal, Request, Response, Headers, fetch, DOMException, ReadableStream, TextEncoder, TextDecoder, crypto: globalThis.crypto, setTimeout, clearTimeout, queueMicrotask, console })
    runInContext(read('carkit.iife.js'), page)
    const kit = (page as { CarKit?: Record<string, unknown> }).CarKit
    expect(Object.keys(kit ?? {}).sort()).toEqual(['CarError', 'createCarClient', 'isCarError', 'version'])
    expect(kit?.version).toBe(pkg.version)
    const create = kit?.createCarClient as (o: object) => { userId: string; destroy(): void }
    const car = create({ brokerUrl: 'https://app.example.com/car' })
    expect(car.userId).toMatch(/^[\w-]{21}$/)
    car.destroy()
  })

  it('ships declarations for the public API', () => {
    const dts = read('index.d.ts')
    for (const name of ['createCarClient', 'CarError', 'isCarError', 'version', 'CarClientEvents', 'CarErrorCode', 'CarClientOptions']) {
      expect(dts).toContain(name)
    }
  })
})
