import type { IncomingMessage, ServerResponse } from 'node:http'
import { ACTIONS, CAR_API_VERSION } from '../actions/action-table.js'
import type { CallLog } from '../calls/call-log.js'
import type { FaultInjector } from '../faults/fault-injector.js'
import type { QuotaPool } from '../quota/quota-pool.js'
import type { ActionRateLimiter } from '../rate-limit/action-rate-limiter.js'
import type { SignatureVerifier } from '../signature/verify-signature.js'
import type { EmulatorCall } from '../types.js'
import { ApiError, isApiError } from './api-error.js'
import { parseJsonBody } from './parse-json-body.js'
import { readBody } from './read-body.js'
import { sendError, sendResult } from './send-response.js'

/** Everything a request may touch. `latencyMs` and `wait` are read per request. */
export interface HandlerState {
  readonly verifier: SignatureVerifier
  readonly quota: QuotaPool
  readonly limiter: ActionRateLimiter
  readonly faults: FaultInjector
  readonly calls: CallLog
  readonly rateLimitPerSecond: number
  readonly maxBodyBytes: number
  latencyMs(): number
  /** Resolves after `ms` (cancelled promptly when the emulator closes). */
  wait(ms: number): Promise<void>
}

/**
 * Builds the `node:http` request listener that answers like the CAR API 3.0 endpoint. Checks run in
 * this order: method and path, body size, `X-TC-Action`/`X-TC-Version` present, signature (and token),
 * version, action, rate limit, injected fault, JSON body, parameters, then the action itself.
 *
 * @example
 * const server = createServer(createRequestHandler(state))
 */
export function createRequestHandler(state: HandlerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      // Only a broken socket gets here; there is nobody left to answer.
      if (!res.headersSent) sendError(res, 'InternalError', `The emulator failed: ${String(error)}`, { close: true })
    })
  }
}

async function handle(state: HandlerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now()
  const actionHeader = headerValue(req, 'x-tc-action')
  const call: EmulatorCall = { action: actionHeader ?? '', at, code: 'OK' }
  const [path = '', query = ''] = (req.url ?? '/').split('?', 2)

  if (req.method !== 'POST' || path !== '/') {
    req.resume()
    await delay(state)
    answerError(state, res, call, new ApiError(
      'UnsupportedProtocol',
      `The emulator answers only \`POST /\` with a JSON body; got \`${req.method ?? ''} ${path}\`.`,
    ))
    return
  }
  const body = await readBody(req, state.maxBodyBytes)
  await delay(state)
  if (body === 'too-large') {
    answerError(state, res, call, new ApiError(
      'RequestSizeLimitExceeded',
      `The request body is larger than ${state.maxBodyBytes} bytes. Send a smaller body.`,
    ), true)
    return
  }
  // Parsed up front only to describe the call in the log; it is judged after the signature checks.
  const json = parseJsonBody(body)
  if (json.ok) describeCall(call, json.value)
  try {
    if (actionHeader === undefined || actionHeader === '') {
      throw new ApiError('MissingParameter', 'The request is missing the required parameter `Action` (header `X-TC-Action`).')
    }
    const version = headerValue(req, 'x-tc-version')
    if (version === undefined || version === '') {
      throw new ApiError('MissingParameter', 'The request is missing the required parameter `Version` (header `X-TC-Version`).')
    }
    state.verifier.verify({ method: 'POST', path, query, headers: req.headers, body, now: at })
    if (version !== CAR_API_VERSION) {
      throw new ApiError('NoSuchVersion', `The API version \`${version}\` does not exist for CAR. Use \`${CAR_API_VERSION}\`.`)
    }
    const action = ACTIONS.get(actionHeader)
    if (action === undefined) {
      throw new ApiError('InvalidAction', `The action \`${actionHeader}\` does not exist. CAR actions: ${[...ACTIONS.keys()].join(', ')}.`)
    }
    const contentType = (headerValue(req, 'content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase()
    if (contentType !== 'application/json') {
      throw new ApiError('UnsupportedProtocol', 'The emulator accepts only `Content-Type: application/json` bodies.')
    }
    const limit = Math.max(1, Math.floor(state.rateLimitPerSecond * action.rateShare))
    if (!state.limiter.tryTake(action.name, limit, at)) {
      throw new ApiError('RequestLimitExceeded', `More than ${limit} ${action.name} calls this second. Slow down and retry after a moment.`)
    }
    const fault = state.faults.take(action.name)
    if (fault !== undefined) throw new ApiError(fault.code, fault.message)
    if (!json.ok) {
      throw json.reason === 'not-json'
        ? new ApiError('InvalidParameter.JsonParseError', 'The request body is not valid JSON.')
        : new ApiError('InvalidParameter', 'The request body must be a JSON object.')
    }
    const output = action.run(json.value, { quota: state.quota, now: at })
    sendResult(res, output)
    state.calls.push(call)
  } catch (error) {
    answerError(state, res, call, isApiError(error) ? error : new ApiError('InternalError', `The emulator failed: ${String(error)}`))
  }
}

function answerError(state: HandlerState, res: ServerResponse, call: EmulatorCall, error: ApiError, close = false): void {
  sendError(res, error.code, error.message, { close })
  call.code = error.code
  state.calls.push(call)
}

function describeCall(call: EmulatorCall, body: Readonly<Record<string, unknown>>): void {
  if (typeof body['UserId'] === 'string') call.userId = body['UserId']
  if (typeof body['ProjectId'] === 'string') call.projectId = body['ProjectId']
  if (typeof body['UserIp'] === 'string') call.userIp = body['UserIp']
}

async function delay(state: HandlerState): Promise<void> {
  const ms = state.latencyMs()
  if (ms > 0) await state.wait(ms)
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
