import { describe, expect, it } from 'vitest'
import { resolveOptions } from './resolve-options.js'

describe('resolveOptions', () => {
  it('applies the documented defaults and generates AKID-style credentials', () => {
    const options = resolveOptions()
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      capacity: 2,
      projects: ['cap-demo'],
      lockTtlMs: 30_000,
      rateLimitPerSecond: 100,
      latencyMs: 0,
      clockSkewToleranceSec: 300,
      sessionToken: undefined,
    })
    expect(options.credentials.secretId).toMatch(/^AKID[A-Za-z0-9]{32}$/)
    expect(options.credentials.secretKey).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(resolveOptions().credentials.secretKey).not.toBe(options.credentials.secretKey)
  })

  it('keeps given credentials', () => {
    const credentials = { secretId: 'AKIDmine', secretKey: 'mine' }
    expect(resolveOptions({ credentials }).credentials).toEqual(credentials)
  })

  const bad: Array<[string, Parameters<typeof resolveOptions>[0]]> = [
    ['capacity', { capacity: -1 }],
    ['capacity', { capacity: 1.5 }],
    ['port', { port: 70_000 }],
    ['projects', { projects: [] }],
    ['projects', { projects: [' '] }],
    ['credentials', { credentials: { secretId: '', secretKey: 'k' } }],
    ['lockTtlMs', { lockTtlMs: 0 }],
    ['rateLimitPerSecond', { rateLimitPerSecond: 0 }],
    ['latencyMs', { latencyMs: -5 }],
    ['sessionToken', { sessionToken: '' }],
  ]
  for (const [name, options] of bad) {
    it(`rejects a bad \`${name}\` (${JSON.stringify(options)}) with a message naming it`, () => {
      expect(() => resolveOptions(options)).toThrow(`\`${name}\``)
    })
  }
})
