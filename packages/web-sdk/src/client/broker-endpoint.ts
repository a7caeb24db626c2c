import { CarError } from '../errors/car-error.js'

/**
 * The apply-concurrent URL of a broker (`brokerUrl` must be absolute: the SDK also runs outside pages).
 * Throws a `Client.InvalidOptions` {@link CarError} when `brokerUrl` is not an http(s) URL.
 *
 * @example
 * ```ts
 * brokerEndpoint('https://app.example.com/car/') // 'https://app.example.com/car/v1/apply-concurrent'
 * ```
 */
export function brokerEndpoint(brokerUrl: string): string {
  try {
    const url = new URL(brokerUrl)
    if (/^https?:$/.test(url.protocol)) return url.href.replace(/\/+$/, '') + '/v1/apply-concurrent'
  } catch {
    // Not a URL at all: the same answer as for another scheme.
  }
  throw new CarError('Client.InvalidOptions', '`brokerUrl` is required and must be an absolute http(s) URL.')
}
