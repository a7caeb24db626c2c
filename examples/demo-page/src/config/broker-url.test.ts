import { expect, test } from '@playwright/test'
import { DEFAULT_BROKER_URL, resolveBrokerUrl } from './broker-url.ts'

test.describe('resolveBrokerUrl', () => {
  test('prefers ?broker= over the build-time variable', () => {
    expect(resolveBrokerUrl('?broker=https://app.example.com/car/', 'http://127.0.0.1:9000')).toEqual({
      url: 'https://app.example.com/car',
      source: 'query',
    })
  })

  test('uses VITE_CARKIT_BROKER_URL when there is no query parameter', () => {
    expect(resolveBrokerUrl('', 'http://127.0.0.1:9000')).toEqual({ url: 'http://127.0.0.1:9000', source: 'env' })
  })

  test('falls back to the local broker', () => {
    expect(resolveBrokerUrl('?other=1', undefined)).toEqual({ url: DEFAULT_BROKER_URL, source: 'default' })
    expect(resolveBrokerUrl('?broker=', '  ')).toEqual({ url: DEFAULT_BROKER_URL, source: 'default' })
  })

  test('skips a value that is not an absolute http(s) URL and says why', () => {
    const choice = resolveBrokerUrl('?broker=javascript:alert(1)', 'not a url')
    expect(choice.url).toBe(DEFAULT_BROKER_URL)
    expect(choice.source).toBe('default')
    expect(choice.warning).toContain('?broker= value "javascript:alert(1)"')
    expect(choice.warning).toContain('VITE_CARKIT_BROKER_URL "not a url"')
  })
})
