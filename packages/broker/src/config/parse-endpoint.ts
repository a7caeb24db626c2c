import { BrokerConfigError } from './broker-config-error.js'

const loopbackHosts = new Set(['localhost', '[::1]'])

/**
 * Tells whether a URL hostname is a loopback address (`localhost`, `127.x.x.x`, `[::1]`).
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1') // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Parses `CARKIT_ENDPOINT` into an origin. It must be https, except loopback hosts (a local
 * emulator), and carry no path, query or user info.
 *
 * @example
 * ```ts
 * parseEndpoint('https://car.tencentcloudapi.com') // 'https://car.tencentcloudapi.com'
 * ```
 */
export function parseEndpoint(raw: string): string {
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new BrokerConfigError('CARKIT_ENDPOINT', `"${text}" is not a URL; write it like https://car.intl.tencentcloudapi.com`)
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
  if (!secure) {
    throw new BrokerConfigError('CARKIT_ENDPOINT', 'must use https:// (plain http:// is allowed only for a loopback emulator)')
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || url.pathname !== '/') {
    throw new BrokerConfigError('CARKIT_ENDPOINT', 'must be an origin only (scheme://host[:port]) without path, query or user info')
  }
  return url.origin
}
