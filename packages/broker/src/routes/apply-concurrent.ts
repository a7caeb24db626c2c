import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Request } from 'express'
import { BrokerError } from '../errors/broker-error.js'
import { readJsonBody } from '../guards/read-json-body.js'
import type { ApplyConcurrentParams, ApplyConcurrentUpstream } from '../upstream/apply-concurrent-upstream.js'
import { type ApplyConcurrentBody, parseApplyConcurrentBody, userIdPattern } from './apply-concurrent-body.js'
import type { RequestContext } from './request-context.js'

/** What an `authorize` hook answers: `false` refuses (401), `true` allows, `{ userId }` allows and binds the UserId. */
export type AuthorizeResult = boolean | { userId: string }

/** The app's check of who may apply for quota, called after the body is validated and before anything is signed. */
export type Authorize = (req: Request, body: ApplyConcurrentBody) => Promise<AuthorizeResult> | AuthorizeResult

/** What the apply-concurrent route needs. */
export interface ApplyConcurrentRouteOptions {
  projectIds: readonly string[]
  upstream: ApplyConcurrentUpstream
  authorize?: Authorize | undefined
}

async function decideUserId(authorize: Authorize, req: Request, body: ApplyConcurrentBody): Promise<string> {
  const result = await authorize(req, body)
  if (result === true) return body.userId
  if (result === false || typeof result !== 'object' || result === null) {
    throw new BrokerError({ code: 'Broker.Unauthorized', status: 401, message: 'You are not allowed to request quota. Sign in to the app, then try again.' })
  }
  if (typeof result.userId !== 'string' || !userIdPattern.test(result.userId)) {
    throw new Error('authorize() returned a userId outside [A-Za-z0-9_-]{1,64}; bind a safe id (e.g. a hash of the account id)')
  }
  return result.userId
}

/**
 * `POST /v1/apply-concurrent`: validates the body, asks `authorize`, checks the ProjectId
 * allowlist, then calls `ApplyConcurrent` with the client's address as UserIp and answers
 * `200 { requestId, userId, projectId }`. Rejects with a `BrokerError` otherwise.
 *
 * @example
 * ```ts
 * const applyConcurrent = applyConcurrentRoute({ projectIds: ['cap-demo'], upstream })
 * await applyConcurrent(req, res, context)
 * ```
 */
export function applyConcurrentRoute(options: ApplyConcurrentRouteOptions) {
  const { projectIds, upstream, authorize } = options
  const defaultProjectId = projectIds[0] as string
  return async function applyConcurrent(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
    const body = parseApplyConcurrentBody(await readJsonBody(req))
    // `authorize` is only ever set on an Express path (startBroker routes such requests through Express).
    const userId = authorize === undefined ? body.userId : await decideUserId(authorize, req as Request, body)
    const projectId = body.projectId ?? defaultProjectId
    if (!projectIds.includes(projectId)) {
      throw new BrokerError({
        code: 'Broker.ProjectNotAllowed',
        status: 403,
        message: `The project "${projectId}" is not served by this broker. Use one of its projects or leave projectId out for the default.`,
      })
    }
    const userIp = context.clientIp
    if (userIp === undefined) throw new BrokerError({ code: 'InvalidParameterValue', status: 400, message: 'The client address is unknown (the connection closed).' })
    const params: ApplyConcurrentParams = { UserId: userId, UserIp: userIp, ProjectId: projectId }
    if (body.applicationId !== undefined) params.ApplicationId = body.applicationId
    if (body.applicationVersionId !== undefined) params.ApplicationVersionId = body.applicationVersionId
    let granted: { requestId: string }
    try {
      granted = await upstream.apply(params, context.requestId)
    } catch (err) {
      const upstreamRequestId = (err as { requestId?: unknown }).requestId
      if (typeof upstreamRequestId === 'string') context.upstreamRequestId = upstreamRequestId
      throw err
    }
    context.upstreamRequestId = granted.requestId
    const answer = JSON.stringify({ requestId: granted.requestId, userId, projectId })
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(answer))
    res.end(answer)
  }
}
