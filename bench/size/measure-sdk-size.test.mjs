// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { bareImports, measureSdkSize } from './measure-sdk-size.mjs'

const webSdkDir = join(dirname(fileURLToPath(import.meta.url)), '../../packages/web-sdk')
/** @type {string[]} */
const temporary = []
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('bareImports', () => {
  it('finds bare specifiers in minified and spaced import and export statements', () => {
    const source = 'import ky from "ky";import{nanoid as n}from"nanoid";export { x } from \'./local.js\';import "side-effect"'
    expect(bareImports(source)).toEqual(['ky', 'nanoid', 'side-effect'])
  })
})

describe('measureSdkSize', () => {
  it('minifies each build and reports gzip level 9 of the minified code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carkit-size-'))
    temporary.push(dir)
    mkdirSync(join(dir, 'dist'))
    const esm = `import ky from 'ky'\nimport { nanoid } from 'nanoid'\n\nexport function createCarClient (options) {\n  const longVariableName = options.brokerUrl\n  return { ky, id: nanoid(), longVariableName }\n}\n`
    writeFileSync(join(dir, 'dist/carkit.js'), esm)
    writeFileSync(join(dir, 'dist/carkit.iife.js'), `var CarKit = (function () {\n  function createCarClient (options) { return { url: options.brokerUrl } }\n  return { createCarClient }\n})()\n`)
    const result = await measureSdkSize({ webSdkDir: dir, minifierFrom: webSdkDir })
    expect(result.esm.rawBytes).toBe(Buffer.byteLength(esm))
    expect(result.esm.minBytes).toBeLessThan(result.esm.rawBytes)
    expect(result.esm.externalImports).toEqual(['ky', 'nanoid'])
    expect(result.esmKeepsDepsExternal).toBe(true)
    expect(result.iife.gzipBytes).toBeGreaterThan(0)
    expect(result.bundledDepsGzipBytes).toBe(result.iife.gzipBytes - result.esm.gzipBytes)
  })

  it('says to build the SDK when a build is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carkit-size-'))
    temporary.push(dir)
    await expect(measureSdkSize({ webSdkDir: dir, minifierFrom: webSdkDir })).rejects.toThrow(/Build the web SDK first/)
  })
})
