import type { ActionDefinition } from './action-context.js'
import { checkUserId } from './check-values.js'
import { readParameters } from './read-parameters.js'

const PARAMETERS = { UserId: { required: true } } as const

/**
 * `DestroySession`: frees the UserId's slot, locked or running. Freeing a UserId that holds none
 * succeeds too, so the call is safe to repeat.
 *
 * @example
 * destroySession.run({ UserId: 'u1' }, { quota, now: Date.now() }) // {}
 */
export const destroySession: ActionDefinition = {
  name: 'DestroySession',
  rateShare: 1,
  run(body, { quota, now }) {
    const params = readParameters(body, PARAMETERS)
    checkUserId(params.UserId)
    quota.release(params.UserId, now)
    return {}
  },
}
