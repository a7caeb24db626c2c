import { CarError } from '../errors/car-error.js'

/**
 * The apply-concurrent URL of a broker. A relative `brokerUrl` resolves against the page's address.
 * Throws a `Client.InvalidOptions` {@link CarError} when the result is not an http(s) URL.
 *
 * @example
 * ```ts
 * brokerEndpoint('https://app.example.com/car/') // 'https://app.example.com/car/v1/apply-concurrent'
 * ```
 */
export function brokerEndpoint(brokerUrl: string): string {
  let url: URL | undefined
  try {
    url = new URL(brokerUrl, globalThis.location?.href)
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new CarError(
      'Client.InvalidOptions',
      "`brokerUrl` must be an http(s) URL, e.g. 'https://app.example.com/car'.",
    )
  }
  return url.href.replace(/\/+$/, '') + '/v1/apply-concurrent'
}
