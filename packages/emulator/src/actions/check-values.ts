import { isIP } from 'node:net'
import { ApiError } from '../http/api-error.js'
import type { QuotaPool } from '../quota/quota-pool.js'

/**
 * Rejects an empty or overlong UserId with `InvalidParameterValue`.
 * CAR documents no limit; 64 characters is what its console accepts.
 *
 * @example
 * checkUserId('u1')
 */
export function checkUserId(userId: string): void {
  if (userId.length === 0 || userId.length > 64) {
    throw new ApiError('InvalidParameterValue', 'The parameter `UserId` must be 1 to 64 characters long.')
  }
}

/**
 * Rejects a UserIp that is not an IPv4 or IPv6 address with `InvalidParameterValue`.
 *
 * @example
 * checkUserIp('203.0.113.7')
 */
export function checkUserIp(userIp: string): void {
  if (isIP(userIp) === 0) {
    throw new ApiError('InvalidParameterValue', `The parameter \`UserIp\` must be an IPv4 or IPv6 address; got \`${userIp}\`.`)
  }
}

/**
 * Rejects a ProjectId the emulator does not know with `InvalidParameterValue`.
 *
 * @example
 * checkProjectId('cap-demo', quota)
 */
export function checkProjectId(projectId: string, quota: QuotaPool): void {
  if (!quota.has(projectId)) {
    throw new ApiError('InvalidParameterValue', `The parameter \`ProjectId\` names no project: \`${projectId}\` does not exist.`)
  }
}
