import { ApiError } from '../http/api-error.js'
import type { ActionDefinition } from './action-context.js'
import { checkProjectId, checkUserId, checkUserIp } from './check-values.js'
import { readParameters } from './read-parameters.js'

const PARAMETERS = {
  UserId: { required: true },
  UserIp: { required: true },
  ProjectId: { required: true },
  ApplicationVersionId: { required: false },
  ApplicationId: { required: false },
} as const

/**
 * `ApplyConcurrent`: locks a concurrency slot in the project for the UserId; the lock waits
 * `lockTtlMs` for `CreateSession`. No free slot → `ResourceNotFound.NoIdle`. Output: RequestId only.
 *
 * @example
 * applyConcurrent.run({ UserId: 'u1', UserIp: '203.0.113.7', ProjectId: 'cap-demo' }, { quota, now: Date.now() })
 */
export const applyConcurrent: ActionDefinition = {
  name: 'ApplyConcurrent',
  rateShare: 1,
  run(body, { quota, now }) {
    const params = readParameters(body, PARAMETERS)
    checkUserId(params.UserId)
    checkUserIp(params.UserIp)
    checkProjectId(params.ProjectId, quota)
    if (quota.lock(params.UserId, params.ProjectId, now) === 'no-idle') {
      throw new ApiError('ResourceNotFound.NoIdle', 'No idle concurrency quota is available in this project. Try again later.')
    }
    return {}
  },
}
