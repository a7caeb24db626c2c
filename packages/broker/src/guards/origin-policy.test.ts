import { describe, expect, it } from 'vitest'
import { parseAllowedOrigins } from '../config/parse-allowed-origins.js'
import { matchOrigin } from './origin-policy.js'

describe('matchOrigin', () => {
  const allowed = parseAllowedOrigins('https://app.example.com, http://localhost:*')

  it('matches exact origins and any port of a host:* pattern as listed', () => {
    expect(matchOrigin(allowed, 'https://app.example.com')).toBe('listed')
    expect(matchOrigin(allowed, 'http://localhost:5173')).toBe('listed')
    expect(matchOrigin(allowed, 'http://localhost')).toBe('listed')
  })

  it('denies look-alikes, other schemes and ports of exact origins', () => {
    for (const origin of ['https://app.example.com.evil.test', 'http://app.example.com', 'https://app.example.com:8443', 'https://localhost:5173', 'http://localhost.evil:80', 'null']) {
      expect(matchOrigin(allowed, origin)).toBe('denied')
    }
  })

  it('treats * as wildcard (no credentials) and null only when listed', () => {
    const open = parseAllowedOrigins('*')
    expect(matchOrigin(open, 'https://any.example')).toBe('wildcard')
    expect(matchOrigin(open, 'null')).toBe('denied')
    expect(matchOrigin(parseAllowedOrigins('null'), 'null')).toBe('listed')
  })
})
