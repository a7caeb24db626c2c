import { answerJson, type UpstreamScript } from './scripted-upstream.js'

/** One upstream fault and the answer the contract requires from the broker. */
export interface FaultRow {
  fault: string
  script: UpstreamScript
  status: number
  code: string
  retryable: boolean
  /** The upstream RequestId the error must carry, for Tencent error codes. */
  requestId?: string
  /** Text the client must never see (AuthFailure details stay in the server log). */
  hidden?: string
}

const tencentError = (code: string, status: number, retryable: boolean, hidden?: string): FaultRow => {
  const requestId = `req-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const message = hidden ?? `upstream says ${code}`
  return {
    fault: `Tencent error ${code}`,
    script: (_req, res) => answerJson(res, { Error: { Code: code, Message: message } }, requestId),
    status,
    code,
    retryable,
    requestId,
    ...(hidden === undefined ? {} : { hidden }),
  }
}

const unavailable = (fault: string, script: UpstreamScript): FaultRow => ({ fault, script, status: 502, code: 'Broker.UpstreamUnavailable', retryable: true })
const timeout = (fault: string, script: UpstreamScript): FaultRow => ({ fault, script, status: 504, code: 'Broker.UpstreamTimeout', retryable: true })

/**
 * The fault matrix of issue 5: every way the upstream can fail, with the contract's status,
 * code and retryable flag. The scripts run on a {@link startScriptedUpstream} server.
 *
 * @example
 * ```ts
 * for (const row of faultRows) { upstream.script(row.script); … }
 * ```
 */
export const faultRows: readonly FaultRow[] = [
  timeout('hang (no answer at all)', () => {}),
  timeout('headers sent, then silence', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.flushHeaders()
  }),
  timeout('slow body trickling past the timeout', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"Response":')
    const drip = setInterval(() => res.write(' '), 50)
    res.on('close', () => clearInterval(drip))
  }),
  unavailable('connection reset before any answer', (req) => req.socket.destroy()),
  unavailable('connection reset mid-answer', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' })
    res.write('{"Response":{"RequestId":"cut')
    setTimeout(() => res.socket?.destroy(), 20)
  }),
  unavailable('HTTP 500 with a JSON body', (_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"Response":{"RequestId":"r500"}}')),
  unavailable('HTTP 503 with no body', (_req, res) => res.writeHead(503).end()),
  unavailable('HTTP 502 HTML error page', (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>')),
  unavailable('HTML page with HTTP 200', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>captive portal</body></html>')),
  unavailable('truncated JSON with HTTP 200', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Response":{"RequestId":"r-trunc","Err')),
  unavailable('empty body with HTTP 200', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end()),
  unavailable('JSON of the wrong shape (no Response)', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"ok"}')),
  unavailable('JSON of the wrong shape (Response is an array)', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Response":[]}')),
  unavailable('JSON of the wrong shape (no RequestId)', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Response":{}}')),
  unavailable('JSON of the wrong shape (Error.Code not a string)', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Response":{"Error":{"Code":42},"RequestId":"r"}}')),
  unavailable('JSON null with HTTP 200', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('null')),
  tencentError('ResourceNotFound.NoIdle', 503, true),
  tencentError('ResourceUnavailable.Initialization', 503, true),
  tencentError('UnsupportedOperation.Stopping', 409, true),
  tencentError('FailedOperation.SlowDown', 429, true),
  tencentError('RequestLimitExceeded', 429, true),
  tencentError('RequestLimitExceeded.UinLimitExceeded', 429, true),
  tencentError('FailedOperation.ProcessTimeout', 504, true),
  tencentError('InternalError', 502, true),
  tencentError('AuthFailure.SignatureFailure', 502, false, 'The provided credentials could not be validated. Secret AKIDleak0123456789'),
  tencentError('AuthFailure.SecretIdNotFound', 502, false, 'The SecretId AKIDleak0123456789 is not found'),
  tencentError('AuthFailure.SignatureExpire', 502, false, 'Signature expired: timestamp 1551113065 vs server 1551114065'),
  tencentError('FailedOperation', 502, false),
  tencentError('InvalidParameterValue', 502, false),
  tencentError('Some.UnknownCode', 502, false),
  // Names of Object.prototype members: a lookup table must not mistake them for known codes.
  tencentError('__proto__', 502, false),
  tencentError('constructor', 502, false),
  tencentError('toString', 502, false),
]
