import { randomBytes } from 'node:crypto'
import { ApiError } from '../http/api-error.js'
import type { ActionDefinition } from './action-context.js'
import { checkUserId, checkUserIp } from './check-values.js'
import { readParameters } from './read-parameters.js'

const PARAMETERS = {
  UserId: { required: true },
  UserIp: { required: true },
  ClientSession: { required: false },
  RunMode: { required: false, oneOf: ['RunWithoutClient'] },
  ApplicationParameters: { required: false },
  HostUserId: { required: false },
  Role: { required: false, oneOf: ['Player', 'Viewer'] },
} as const

/**
 * `CreateSession`: turns the UserId's ApplyConcurrent lock into a running session and returns a
 * `ServerSession` (base64) for `TCGSDK.start()`. No live lock → `FailedOperation.LockTimeout`.
 * `ClientSession` is required unless `RunMode` is `RunWithoutClient`.
 *
 * @example
 * createSession.run({ UserId: 'u1', UserIp: '203.0.113.7', ClientSession: 'abc' }, { quota, now: Date.now() })
 * // { ServerSession: 'eyJ…' }
 */
export const createSession: ActionDefinition = {
  name: 'CreateSession',
  rateShare: 1,
  run(body, { quota, now }) {
    const params = readParameters(body, PARAMETERS)
    checkUserId(params.UserId)
    checkUserIp(params.UserIp)
    if (params.RunMode === undefined && (params.ClientSession === undefined || params.ClientSession === '')) {
      throw new ApiError('MissingParameter', 'The request is missing the required parameter `ClientSession` (required unless `RunMode` is `RunWithoutClient`).')
    }
    if (params.Role === 'Viewer' && params.HostUserId === undefined) {
      throw new ApiError('MissingParameter', 'The request is missing the parameter `HostUserId`, required when `Role` is `Viewer`.')
    }
    if (!quota.startSession(params.UserId, now)) {
      throw new ApiError(
        'FailedOperation.LockTimeout',
        'No concurrency is locked for this UserId: call ApplyConcurrent first, then CreateSession before the lock expires.',
      )
    }
    return { ServerSession: serverSession(params.UserId, now) }
  },
}

function serverSession(userId: string, now: number): string {
  const session = { UserId: userId, CreatedAt: now, Nonce: randomBytes(24).toString('base64url'), Emulator: true }
  return Buffer.from(JSON.stringify(session)).toString('base64')
}
