import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectNoCanary, makeCanary } from './support/canary.js'

const root = fileURLToPath(new URL('../../../../', import.meta.url))

/** Every file under packages/NAME/dist and examples/NAME/dist that exists. */
function distFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push(path)
    }
  }
  for (const group of ['packages', 'examples']) {
    if (!existsSync(join(root, group))) continue
    for (const name of readdirSync(join(root, group))) {
      const dist = join(root, group, name, 'dist')
      if (existsSync(dist)) walk(dist)
    }
  }
  return files
}

// A real Tencent Cloud SecretId is "AKID" and 32 letters/digits.
const realSecretId = /AKID[0-9A-Za-z]{32}(?![0-9A-Za-z])/
// A credential written into code: secretKey: '…', "SecretKey":"…", CARKIT_SECRET_KEY='…'.
const assignedSecret = /(secret_?key|secret_?id|session_?token)["']?\s*[:=]\s*["'`][A-Za-z0-9+/=_-]{8,}["'`]/i

describe('built files carry no secrets', () => {
  const files = distFiles()

  it('finds built files to scan (pnpm build ran)', () => {
    expect(files.length, 'no dist/ folders: run pnpm build first').toBeGreaterThan(0)
  })

  it('contains no real-looking SecretId and no credential written into code in any dist file', () => {
    const canary = makeCanary()
    for (const file of files) {
      const text = readFileSync(file, 'latin1')
      expect(realSecretId.exec(text)?.[0], file).toBeUndefined()
      expect(assignedSecret.exec(text)?.[0], file).toBeUndefined()
      expectNoCanary(canary, file, text)
    }
  })

  it('would notice a real-looking key or an assigned secret', () => {
    expect(realSecretId.test(`const id = "AKID${'a1B2'.repeat(8)}"`)).toBe(true)
    expect(assignedSecret.test(`{secretKey:"Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"}`)).toBe(true)
    expect(assignedSecret.test('hint: check CARKIT_SECRET_ID / CARKIT_SECRET_KEY')).toBe(false)
  })
})
