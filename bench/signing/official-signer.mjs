// @ts-check
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * @typedef {object} OfficialSign3Input
 * @property {string} method
 * @property {string} url
 * @property {Buffer | Record<string, unknown>} payload a Buffer is hashed as is; an object is JSON-stringified first (CommonClient passes its request object)
 * @property {number} timestamp
 * @property {string} service
 * @property {string} secretId
 * @property {string} secretKey
 * @property {Record<string, string>} headers
 */

/**
 * Loads `Sign.sign3` from the official `tencentcloud-sdk-nodejs-common` package (CommonJS),
 * the signer every official Tencent Cloud Node.js client uses.
 *
 * @returns {(input: OfficialSign3Input) => string} returns the Authorization header value
 * @example
 * const sign3 = loadOfficialSign3()
 * sign3({ method: 'POST', url: 'https://car.tencentcloudapi.com/', payload: Buffer.from('{}'),
 *   timestamp: 1551113065, service: 'car', secretId, secretKey,
 *   headers: { 'Content-Type': 'application/json' } })
 */
export function loadOfficialSign3() {
  /** @type {{ default: { sign3(input: OfficialSign3Input): string } }} */
  const module = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js')
  const Sign = module.default
  return (input) => Sign.sign3(input)
}
