import { createHmac, hash } from 'node:crypto'
import { SigningKeyCache } from './signing-key-cache.js'
import type { SignTc3Input, SignTc3Result, SignedHeaderSet, Tc3RequestHeaders } from './sign-tc3-types.js'
import { utcDateOfTimestamp } from './utc-date.js'
import { assertValidSignTc3Input } from './validate-sign-tc3-input.js'

const ALGORITHM = 'TC3-HMAC-SHA256'
const DEFAULT_CONTENT_TYPE = 'application/json'
const DEFAULT_SIGNED_HEADERS: SignedHeaderSet = 'content-type;host'
const SERVICE_LABEL = /^[a-z0-9-]+$/

// A process signs with one or two SecretKeys and one service; a few entries cover
// today's and yesterday's keys with room to spare, and the bound keeps memory flat.
const signingKeys = new SigningKeyCache(16)

/**
 * Signs a Tencent Cloud API 3.0 `POST /` request with TC3-HMAC-SHA256 and returns
 * every header to send with it.
 *
 * The credential scope uses the **UTC** date of `timestamp`. The derived signing key
 * is cached per (SecretKey, date, service) in a small bounded cache, so a signature
 * costs two SHA-256 digests and one HMAC once the key for the day exists.
 *
 * Throws a `TypeError` / `RangeError` naming the bad field (never echoing a secret)
 * when the input is invalid.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ UserId: 'u1', UserIp: '203.0.113.7', ProjectId: 'cap-demo' })
 * const { headers } = signTc3({
 *   secretId, secretKey,
 *   host: 'car.intl.tencentcloudapi.com',
 *   action: 'ApplyConcurrent', version: '2022-01-10',
 *   timestamp: Math.floor(Date.now() / 1000),
 *   payload: body,
 * })
 * await fetch('https://car.intl.tencentcloudapi.com/', { method: 'POST', headers: { ...headers }, body })
 * ```
 */
export function signTc3(input: SignTc3Input): SignTc3Result {
  assertValidSignTc3Input(input)
  const { secretId, secretKey, action, version, timestamp, payload } = input
  const host = input.host.toLowerCase()
  const service = input.service ?? serviceOfHost(host)
  const contentType = input.contentType === undefined ? DEFAULT_CONTENT_TYPE : input.contentType.trim().toLowerCase()
  const signedHeaders = input.signedHeaders ?? DEFAULT_SIGNED_HEADERS

  const hashedPayload = hash('sha256', payload, 'hex')
  const actionHeader = signedHeaders === DEFAULT_SIGNED_HEADERS ? '' : 'x-tc-action:' + action.toLowerCase() + '\n'
  const canonicalRequest =
    'POST\n/\n\ncontent-type:' + contentType + '\nhost:' + host + '\n' + actionHeader + '\n' + signedHeaders + '\n' + hashedPayload
  const hashedCanonicalRequest = hash('sha256', canonicalRequest, 'hex')

  const date = utcDateOfTimestamp(timestamp)
  const credentialScope = date + '/' + service + '/tc3_request'
  const timestampText = String(timestamp)
  const stringToSign = ALGORITHM + '\n' + timestampText + '\n' + credentialScope + '\n' + hashedCanonicalRequest
  const signature = createHmac('sha256', signingKeys.get(secretKey, date, service)).update(stringToSign).digest('hex')

  const authorization =
    ALGORITHM + ' Credential=' + secretId + '/' + credentialScope + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature

  const headers: Tc3RequestHeaders = {
    'Content-Type': contentType,
    Host: host,
    'X-TC-Action': action,
    'X-TC-Version': version,
    'X-TC-Timestamp': timestampText,
    Authorization: authorization,
  }
  if (input.region !== undefined) headers['X-TC-Region'] = input.region
  if (input.token !== undefined) headers['X-TC-Token'] = input.token
  if (input.language !== undefined) headers['X-TC-Language'] = input.language

  return {
    authorization,
    signature,
    headers,
    date,
    service,
    credentialScope,
    signedHeaders,
    hashedPayload,
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
  }
}

/** Tencent names the service after the endpoint's first label: `car` for `car.intl.tencentcloudapi.com`. */
function serviceOfHost(host: string): string {
  const end = host.search(/[.:]/)
  const label = end === -1 ? host : host.slice(0, end)
  if (!SERVICE_LABEL.test(label)) {
    throw new TypeError(`Cannot take a service name from \`host\` '${host}'; pass \`service\` (e.g. 'car') explicitly.`)
  }
  return label
}
