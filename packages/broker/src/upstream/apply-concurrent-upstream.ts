import { upstreamError } from '../errors/upstream-codes.js'
import type { BrokerLog } from '../logging/broker-log.js'
import type { CarApiClient } from './car-api-client.js'
import { SingleFlight } from './single-flight.js'
import type { UpstreamAnswer } from './upstream-answer.js'
import type { UpstreamThrottle } from './upstream-throttle.js'

/** The `ApplyConcurrent` inputs (CAR's own field names). */
export interface ApplyConcurrentParams {
  UserId: string
  UserIp: string
  ProjectId: string
  ApplicationId?: string
  ApplicationVersionId?: string
}

/**
 * `ApplyConcurrent` as the broker calls it: one upstream call per UserId at a time (concurrent
 * requests for the same UserId and parameters share it), under the upstream throttle; an
 * upstream error code becomes the contract's answer, and `AuthFailure.*` details (and the clock
 * skew on `AuthFailure.SignatureExpire`) go to the log only.
 *
 * @example
 * ```ts
 * const upstream = new ApplyConcurrentUpstream(client, throttle, log, createTextRedactor(credentials.secrets()))
 * const { requestId } = await upstream.apply({ UserId: 'u1', UserIp: '203.0.113.7', ProjectId: 'cap-demo' }, 'req-1')
 * ```
 */
export class ApplyConcurrentUpstream {
  readonly #client: CarApiClient
  readonly #throttle: UpstreamThrottle
  readonly #log: BrokerLog
  readonly #redactText: (text: string) => string
  readonly #flights = new SingleFlight<UpstreamAnswer>()

  /** `redactText` removes secrets from upstream messages before a page sees them (a hostile or buggy upstream could echo them). */
  constructor(client: CarApiClient, throttle: UpstreamThrottle, log: BrokerLog, redactText: (text: string) => string) {
    this.#client = client
    this.#throttle = throttle
    this.#log = log
    this.#redactText = redactText
  }

  /** Applies for a concurrency slot; resolves with the upstream RequestId or throws a `BrokerError`. */
  async apply(params: ApplyConcurrentParams, requestId: string): Promise<{ requestId: string }> {
    const key = `${params.ProjectId}|${params.ApplicationId ?? ''}|${params.ApplicationVersionId ?? ''}|${params.UserIp}`
    const answer = await this.#flights.run(params.UserId, key, () => this.#call(params))
    if (answer.ok) return { requestId: answer.requestId }
    if (answer.code.startsWith('AuthFailure')) this.#logAuthFailure(answer, requestId)
    throw upstreamError(answer.code, this.#redactText(answer.message).slice(0, 300), answer.requestId)
  }

  async #call(params: ApplyConcurrentParams): Promise<UpstreamAnswer> {
    const release = await this.#throttle.acquire()
    try {
      return await this.#client.call('ApplyConcurrent', params)
    } finally {
      release()
    }
  }

  #logAuthFailure(answer: Extract<UpstreamAnswer, { ok: false }>, requestId: string): void {
    const fields = { requestId, code: answer.code, upstreamMessage: answer.message, upstreamRequestId: answer.requestId }
    const serverTime = answer.date === undefined ? Number.NaN : Date.parse(answer.date)
    if (answer.code === 'AuthFailure.SignatureExpire' && !Number.isNaN(serverTime)) {
      const skewSec = Math.round((Date.now() - serverTime) / 1000)
      const direction = skewSec >= 0 ? 'ahead of' : 'behind'
      this.#log('error', 'clock_skew', {
        ...fields,
        skewSec,
        message: `The broker's clock is off: it is ${Math.abs(skewSec)} s ${direction} Tencent Cloud's clock (from the upstream Date header). Signatures are valid for 300 s only; synchronise the clock (NTP).`,
      })
      return
    }
    this.#log('error', 'upstream_auth_failure', {
      ...fields,
      message: 'Tencent Cloud rejected the broker\'s credentials or signature; check CARKIT_SECRET_ID / CARKIT_SECRET_KEY (no stray whitespace), CARKIT_SESSION_TOKEN and the clock.',
    })
  }
}
