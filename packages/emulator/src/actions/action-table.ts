import type { ActionDefinition } from './action-context.js'
import { applyConcurrent } from './apply-concurrent.js'
import { createSession } from './create-session.js'
import { describeConcurrentCount } from './describe-concurrent-count.js'
import { destroySession } from './destroy-session.js'

/** The CAR 2022-01-10 actions the emulator answers, by `X-TC-Action` name. */
export const ACTIONS: ReadonlyMap<string, ActionDefinition> = new Map(
  [applyConcurrent, createSession, destroySession, describeConcurrentCount].map((action) => [action.name, action]),
)

/** The only API version CAR has. */
export const CAR_API_VERSION = '2022-01-10'
