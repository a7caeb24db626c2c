// @ts-check
import { randomBytes } from 'node:crypto'

/**
 * @typedef {object} SigningInputs
 * @property {string} secretId
 * @property {string} secretKey
 * @property {string} host
 * @property {string} service
 * @property {string} action
 * @property {string} version
 * @property {number} timestamp seconds
 * @property {string} payload the exact JSON body that is sent and hashed
 */

/**
 * The inputs both signers get in the signing benchmark: a realistic `ApplyConcurrent` call
 * as the broker makes it (21-character nanoid-style UserId, a public client IP, project,
 * application and version ids), AKID-style credentials generated for the run, one fixed
 * timestamp (so both signers work on the same date).
 *
 * @param {number} [timestamp] seconds since the epoch; defaults to now
 * @returns {SigningInputs}
 * @example
 * const inputs = createSigningInputs()
 * signTc3({ ...inputs })
 */
export function createSigningInputs(timestamp = Math.floor(Date.now() / 1000)) {
  return {
    secretId: `AKID${randomBytes(24).toString('base64url').slice(0, 32)}`,
    secretKey: randomBytes(24).toString('base64url').slice(0, 32),
    host: 'car.tencentcloudapi.com',
    service: 'car',
    action: 'ApplyConcurrent',
    version: '2022-01-10',
    timestamp,
    payload: JSON.stringify({
      UserId: 'V1StGXR8_Z5jdHi6B-myT',
      UserIp: '203.0.113.42',
      ProjectId: 'cap-8a1b2c3d',
      ApplicationId: 'app-4e5f6a7b',
      ApplicationVersionId: 'ver-9c0d1e2f',
    }),
  }
}
