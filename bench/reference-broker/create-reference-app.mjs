// @ts-check
import express from 'express'

/**
 * @typedef {import('./official-car-client.mjs').OfficialCarClient} OfficialCarClient
 */

/** Answers the official SDK raises, by Tencent error code, with the HTTP status carkit's contract gives them. */
const STATUS_OF_CODE = /** @type {Record<string, number>} */ ({
  'ResourceNotFound.NoIdle': 503,
  'ResourceUnavailable.Initialization': 503,
  'UnsupportedOperation.Stopping': 409,
  'FailedOperation.SlowDown': 429,
  RequestLimitExceeded: 429,
  'FailedOperation.ProcessTimeout': 504,
})

/**
 * The reference broker: what a team would write with Express 5 and the official SDK's
 * `CommonClient`, with the same route and JSON as carkit's broker (`POST /v1/apply-concurrent`
 * → `{ requestId, userId, projectId }`, errors as `{ error: { code, message, retryable } }`,
 * `GET /healthz`). It checks the body, fills UserIp from the socket and ProjectId from an
 * allow-list, and calls ApplyConcurrent. It has no CORS, rate limit or logging: anything
 * carkit does beyond this is carkit's cost to carry.
 *
 * @param {{ client: OfficialCarClient, projectIds: string[] }} options
 * @returns {express.Express}
 * @example
 * const { client } = createOfficialCarClient({ upstreamUrl: emu.url, ...emu.credentials })
 * createReferenceApp({ client, projectIds: ['cap-demo'] }).listen(0, '127.0.0.1')
 */
export function createReferenceApp(options) {
  const [defaultProjectId] = options.projectIds
  if (defaultProjectId === undefined) throw new TypeError('createReferenceApp needs at least one entry in `projectIds`.')
  const app = express()
  app.disable('x-powered-by')

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', upstream: 'emulator' })
  })

  app.post('/v1/apply-concurrent', express.json({ limit: '4kb' }), async (req, res) => {
    const body = req.body
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(res, 400, 'InvalidParameterValue', 'The body must be a JSON object.')
      return
    }
    const { userId, projectId = defaultProjectId, applicationId, applicationVersionId } = body
    if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) {
      sendError(res, 400, 'InvalidParameterValue', 'userId must be a string of 1 to 64 characters.')
      return
    }
    if (!options.projectIds.includes(projectId)) {
      sendError(res, 403, 'Broker.ProjectNotAllowed', 'This projectId is not allowed.')
      return
    }
    try {
      const response = await options.client.request('ApplyConcurrent', {
        UserId: userId,
        UserIp: req.ip,
        ProjectId: projectId,
        ...(typeof applicationId === 'string' ? { ApplicationId: applicationId } : {}),
        ...(typeof applicationVersionId === 'string' ? { ApplicationVersionId: applicationVersionId } : {}),
      })
      res.json({ requestId: response.RequestId, userId, projectId })
    } catch (error) {
      const code = typeof (/** @type {any} */ (error)?.code) === 'string' ? /** @type {any} */ (error).code : 'Broker.UpstreamUnavailable'
      const status = STATUS_OF_CODE[code] ?? 502
      sendError(res, status, code, 'ApplyConcurrent failed.', status !== 502 || code === 'Broker.UpstreamUnavailable')
    }
  })

  app.use((_req, res) => {
    sendError(res, 404, 'Broker.NotFound', 'No such route.')
  })
  app.use((/** @type {any} */ error, /** @type {express.Request} */ _req, /** @type {express.Response} */ res, /** @type {express.NextFunction} */ _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500
    const code = error?.type === 'entity.parse.failed' ? 'InvalidParameter.JsonParseError' : 'InternalError'
    sendError(res, status, code, status === 500 ? 'Something went wrong.' : 'The request could not be read.')
  })
  return app
}

/**
 * @param {express.Response} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {boolean} [retryable]
 */
function sendError(res, status, code, message, retryable = false) {
  if (retryable) res.set('Retry-After', '1')
  res.status(status).json({ error: { code, message, retryable } })
}
