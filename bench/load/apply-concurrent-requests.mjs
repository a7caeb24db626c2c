// @ts-check
import { randomBytes } from 'node:crypto'

/**
 * @typedef {import('./run-load.mjs').LoadRequest} LoadRequest
 */

/**
 * Yields a new UserId on every call: a per-run random prefix and a counter, so no two
 * requests of a run share a UserId (the emulator gives a returning UserId its slot back,
 * which would make later requests cheaper than first ones). Ids use CAR's prudent
 * alphabet `[A-Za-z0-9_-]`.
 *
 * @returns {() => string}
 * @example
 * const nextUserId = createUserIdSequence()
 * nextUserId() // 'b7Qm2x-0'
 */
export function createUserIdSequence() {
  const prefix = randomBytes(6).toString('base64url')
  let counter = 0
  return () => `${prefix}-${(counter++).toString(36)}`
}

/**
 * Builds requests for a broker's `POST /v1/apply-concurrent`, each with a fresh UserId.
 *
 * @param {{ projectId?: string }} [options]
 * @returns {() => LoadRequest}
 * @example
 * const nextRequest = brokerApplyConcurrentRequests()
 * nextRequest().body // '{"userId":"b7Qm2x-0"}'
 */
export function brokerApplyConcurrentRequests(options = {}) {
  const nextUserId = createUserIdSequence()
  const headers = { 'content-type': 'application/json' }
  return () => ({
    path: '/v1/apply-concurrent',
    headers: { ...headers },
    body: JSON.stringify(
      options.projectId === undefined ? { userId: nextUserId() } : { userId: nextUserId(), projectId: options.projectId },
    ),
  })
}

/**
 * @typedef {(input: import('../signing/measure-signing.mjs').SignTc3Input) => { headers: object }} SignTc3ForRequests
 */

/**
 * Builds `ApplyConcurrent` calls straight to a CAR API 3.0 endpoint (the emulator), each with
 * a fresh UserId and signed at send time with service `car` and the `Host` actually sent.
 *
 * @param {{ url: string, secretId: string, secretKey: string, projectId: string, userIp?: string, signTc3: SignTc3ForRequests }} options
 * @returns {() => LoadRequest}
 * @example
 * const nextRequest = signedEmulatorApplyConcurrentRequests({ url: emu.url, ...emu.credentials, projectId: 'cap-demo', signTc3 })
 */
export function signedEmulatorApplyConcurrentRequests(options) {
  const nextUserId = createUserIdSequence()
  const host = new URL(options.url).host
  const userIp = options.userIp ?? '127.0.0.1'
  return () => {
    const payload = JSON.stringify({ UserId: nextUserId(), UserIp: userIp, ProjectId: options.projectId })
    const { headers } = options.signTc3({
      secretId: options.secretId,
      secretKey: options.secretKey,
      host,
      service: 'car',
      action: 'ApplyConcurrent',
      version: '2022-01-10',
      timestamp: Math.floor(Date.now() / 1000),
      payload,
    })
    return { path: '/', headers: /** @type {Record<string, string>} */ ({ ...headers }), body: payload }
  }
}

/**
 * Whether a broker answered `POST /v1/apply-concurrent` with a grant.
 *
 * @param {number} status
 * @param {string} body
 * @example
 * isBrokerGrant(200, '{"requestId":"r","userId":"u","projectId":"p"}') // true
 */
export function isBrokerGrant(status, body) {
  return status === 200 && body.includes('"requestId"') && !body.includes('"error"')
}

/**
 * Whether a CAR API 3.0 endpoint answered with success (Tencent reports errors inside HTTP 200).
 *
 * @param {number} status
 * @param {string} body
 * @example
 * isCarApiSuccess(200, '{"Response":{"RequestId":"r"}}') // true
 */
export function isCarApiSuccess(status, body) {
  return status === 200 && body.includes('"RequestId"') && !body.includes('"Error"')
}
