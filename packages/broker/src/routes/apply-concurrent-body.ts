import { BrokerError } from '../errors/broker-error.js'

/** The JSON body of `POST /v1/apply-concurrent`, after validation. */
export interface ApplyConcurrentBody {
  /** 1–64 characters from `A–Z a–z 0–9 _ -`. */
  userId: string
  /** `cap-` + lowercase letters/digits; must be in `CARKIT_PROJECT_IDS`. */
  projectId?: string
  /** `app-` + lowercase letters/digits. */
  applicationId?: string
  /** `ver-` + lowercase letters/digits. */
  applicationVersionId?: string
}

/** UserId alphabet and length (CAR reuses the UserId as a stream id, so keep it URL-safe). */
export const userIdPattern = /^[A-Za-z0-9_-]{1,64}$/

const idRules: ReadonlyArray<readonly [keyof ApplyConcurrentBody, RegExp, string]> = [
  ['projectId', /^cap-[a-z0-9]{1,60}$/, 'cap-'],
  ['applicationId', /^app-[a-z0-9]{1,60}$/, 'app-'],
  ['applicationVersionId', /^ver-[a-z0-9]{1,60}$/, 'ver-'],
]
const known = new Set<string>(['userId', 'projectId', 'applicationId', 'applicationVersionId'])

function invalid(message: string): BrokerError {
  return new BrokerError({ code: 'InvalidParameterValue', status: 400, message })
}

/**
 * Validates a parsed request body (before anything is signed) and returns the typed body.
 * Missing `userId` → 400 `MissingParameter`; a wrong type or format → 400
 * `InvalidParameterValue`; a field the route does not know → 400 `UnknownParameter`. Every
 * message names the field.
 *
 * @example
 * ```ts
 * parseApplyConcurrentBody({ userId: 'u1', projectId: 'cap-demo' }) // { userId: 'u1', projectId: 'cap-demo' }
 * ```
 */
export function parseApplyConcurrentBody(value: unknown): ApplyConcurrentBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('The request body must be a JSON object like {"userId":"…"}.')
  }
  const fields = value as Record<string, unknown>
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) {
      throw new BrokerError({
        code: 'UnknownParameter',
        status: 400,
        message: `Unknown field "${key.slice(0, 64)}". Allowed fields: userId, projectId, applicationId, applicationVersionId.`,
      })
    }
  }
  const userId = fields.userId
  if (userId === undefined || userId === null) {
    throw new BrokerError({ code: 'MissingParameter', status: 400, message: 'The field "userId" is required.' })
  }
  if (typeof userId !== 'string' || !userIdPattern.test(userId)) {
    throw invalid('The field "userId" must be a string of 1 to 64 characters from A-Z, a-z, 0-9, "_" and "-".')
  }
  const body: ApplyConcurrentBody = { userId }
  for (const [name, pattern, prefix] of idRules) {
    const id = fields[name]
    if (id === undefined) continue
    if (typeof id !== 'string' || !pattern.test(id)) {
      throw invalid(`The field "${name}" must be a string like "${prefix}abc123" (lowercase letters and digits after "${prefix}").`)
    }
    body[name] = id
  }
  return body
}
