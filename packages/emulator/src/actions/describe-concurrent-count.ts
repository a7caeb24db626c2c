import type { ActionDefinition } from './action-context.js'
import { checkProjectId } from './check-values.js'
import { readParameters } from './read-parameters.js'

const PARAMETERS = {
  ProjectId: { required: false },
  ApplicationCategory: { required: false, oneOf: ['DESKTOP', 'MOBILE'] },
} as const

/**
 * `DescribeConcurrentCount`: `Total` slots and `Running` (occupied: locked or running) for one
 * project, or summed over all projects when `ProjectId` is omitted.
 *
 * @example
 * describeConcurrentCount.run({ ProjectId: 'cap-demo' }, { quota, now: Date.now() }) // { Total: 2, Running: 0 }
 */
export const describeConcurrentCount: ActionDefinition = {
  name: 'DescribeConcurrentCount',
  rateShare: 0.2,
  run(body, { quota, now }) {
    const params = readParameters(body, PARAMETERS)
    if (params.ProjectId !== undefined) checkProjectId(params.ProjectId, quota)
    const { total, occupied } = quota.occupied(now, params.ProjectId)
    return { Total: total, Running: occupied }
  },
}
