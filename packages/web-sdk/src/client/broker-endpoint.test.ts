import { describe, expect, it } from 'vitest'
import { brokerEndpoint } from './broker-endpoint.js'

describe('brokerEndpoint', () => {
  it('appends the route to the broker base URL, with or without a trailing slash', () => {
    expect(brokerEndpoint('https://app.example.com/car')).toBe('https://app.example.com/car/v1/apply-concurrent')
    expect(brokerEndpoint('https://app.example.com/car/')).toBe('https://app.example.com/car/v1/apply-concurrent')
    expect(brokerEndpoint('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/v1/apply-concurrent')
  })

  it.each([undefined, '', '/car', 'car.example.com', 'ftp://example.com/car', 'javascript:alert(1)'])(
    'rejects %j with a Client.InvalidOptions naming `brokerUrl`',
    (url) => {
      expect(() => brokerEndpoint(url as string)).toThrow(expect.objectContaining({ code: 'Client.InvalidOptions', message: expect.stringContaining('`brokerUrl`') }))
    },
  )
})
