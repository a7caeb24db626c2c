import type { SignTc3Input } from './sign-tc3-types.js'

/** Newest timestamp whose UTC date still has a four-digit year: 9999-12-31T23:59:59Z. */
export const MAX_TC3_TIMESTAMP = 253_402_300_799

// Printable ASCII without spaces: what a SecretId, a token or a header-safe id may contain.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/
// A host name or an IPv4 / bracketed IPv6 address, with an optional port.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/
const SERVICE = /^[A-Za-z0-9-]+$/
const ACTION = /^[A-Za-z0-9]+$/
const VERSION = /^\d{4}-\d{2}-\d{2}$/
const CONTENT_TYPE = /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/
const REGION = /^[a-z0-9-]+$/
const LANGUAGE = /^[a-z]{2}-[A-Z]{2}$/

/**
 * Checks a {@link SignTc3Input} and throws a `TypeError` (or a `RangeError` for the
 * timestamp) whose message names the field in backticks and says what to pass.
 * Messages never contain `secretKey`, `secretId` or `token`.
 *
 * @example
 * ```ts
 * assertValidSignTc3Input({ ...input, host: 'https://car.tencentcloudapi.com' })
 * // TypeError: `host` must be a host name such as 'car.tencentcloudapi.com' — no scheme ("https://") and no path.
 * ```
 */
export function assertValidSignTc3Input(input: SignTc3Input): void {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError('signTc3 needs an options object: { secretId, secretKey, host, action, version, timestamp, payload }.')
  }
  const { secretId, secretKey, host, action, version, timestamp, payload } = input

  if (typeof secretId !== 'string' || !VISIBLE_ASCII.test(secretId) || secretId.includes('/') || secretId.includes(',')) {
    throw new TypeError('`secretId` must be a non-empty SecretId without spaces, "/" or ",". Check the configured API SecretId.')
  }
  if (typeof secretKey !== 'string' || secretKey.length === 0) {
    throw new TypeError('`secretKey` must be a non-empty string. Check the configured API SecretKey.')
  }
  if (typeof host !== 'string' || !HOST.test(host)) {
    const hint = typeof host === 'string' && host.includes('://') ? ' Pass only the host part of the endpoint URL.' : ''
    throw new TypeError(`\`host\` must be a host name such as 'car.tencentcloudapi.com' (optionally with ':port') — no scheme and no path.${hint}`)
  }
  if (typeof action !== 'string' || !ACTION.test(action)) {
    throw new TypeError("`action` must be an API action name made of letters and digits, such as 'ApplyConcurrent'.")
  }
  if (typeof version !== 'string' || !VERSION.test(version)) {
    throw new TypeError("`version` must be an API version in YYYY-MM-DD form, such as '2022-01-10'.")
  }
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < 0 || timestamp > MAX_TC3_TIMESTAMP) {
    throw new RangeError('`timestamp` must be whole seconds since the Unix epoch (a non-negative integer), e.g. Math.floor(Date.now() / 1000).')
  }
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) {
    throw new TypeError('`payload` must be the exact request body as a string or a Uint8Array (for JSON, pass the JSON.stringify result you send).')
  }

  assertValidOptionalInput(input)
}

function assertValidOptionalInput(input: SignTc3Input): void {
  const { service, contentType, signedHeaders, region, token, language } = input
  if (service !== undefined && (typeof service !== 'string' || !SERVICE.test(service))) {
    throw new TypeError("`service` must be a service name made of letters, digits and '-', such as 'car'; omit it to use the host's first label.")
  }
  if (contentType !== undefined && (typeof contentType !== 'string' || !CONTENT_TYPE.test(contentType))) {
    throw new TypeError("`contentType` must be a printable header value such as 'application/json'; omit it for the default.")
  }
  if (signedHeaders !== undefined && signedHeaders !== 'content-type;host' && signedHeaders !== 'content-type;host;x-tc-action') {
    throw new TypeError("`signedHeaders` must be 'content-type;host' or 'content-type;host;x-tc-action'.")
  }
  if (region !== undefined && (typeof region !== 'string' || !REGION.test(region))) {
    throw new TypeError("`region` must be a region such as 'ap-guangzhou'; omit it to send no X-TC-Region header.")
  }
  if (token !== undefined && (typeof token !== 'string' || !VISIBLE_ASCII.test(token))) {
    throw new TypeError('`token` must be a non-empty session token without spaces; omit it to send no X-TC-Token header.')
  }
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE.test(language))) {
    throw new TypeError("`language` must be a language tag such as 'zh-CN' or 'en-US'; omit it to send no X-TC-Language header.")
  }
}
