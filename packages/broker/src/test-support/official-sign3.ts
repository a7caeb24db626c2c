import { createRequire } from 'node:module'

/** The options the official SDK's `Sign.sign3` reads for a JSON POST. */
export interface OfficialSign3Options {
  method?: 'POST'
  url: string
  /** A Buffer is hashed verbatim; anything else the SDK would JSON.stringify first. */
  payload: Buffer
  timestamp: number
  service: string
  secretId: string
  secretKey: string
  headers: Record<string, string>
}

const require = createRequire(import.meta.url)

/**
 * The official Tencent Cloud Node SDK's TC3 signer (`tencentcloud-sdk-nodejs-common`), used
 * only as a test oracle; it returns the Authorization header value.
 *
 * @example
 * ```ts
 * officialSign3({ url: 'https://car.tencentcloudapi.com/', payload: Buffer.from('{}'), timestamp, service: 'car', secretId, secretKey, headers: { 'Content-Type': 'application/json' } })
 * ```
 */
export const officialSign3: (options: OfficialSign3Options) => string = (
  require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as {
    default: { sign3(options: OfficialSign3Options): string }
  }
).default.sign3
