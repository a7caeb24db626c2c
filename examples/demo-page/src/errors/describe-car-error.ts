import type { CarErrorCode } from '@carkit/web-sdk'

/** The codes the SDK names (its `CarErrorCode` union without the open-ended `string`). */
type KnownCarErrorCode = CarErrorCode extends infer C ? (C extends string ? (string extends C ? never : C) : never) : never

/** The fields of a `CarError` this page reads; any `CarError` fits. */
export interface CarErrorLike {
  code: string
  message: string
  requestId?: string | undefined
  status?: number | undefined
  retryable: boolean
}

/** What the page knows when it explains an error. */
export interface ErrorContext {
  /** The broker the page talks to. */
  brokerUrl: string
  /** This page's origin, as the broker sees it (`null` in a sandboxed frame). */
  origin: string
  /** The SDK is still trying (a `waiting` event), so the error is not final. */
  stillTrying: boolean
  /** `waitForIdle` was on for this call. */
  waitForIdle: boolean
}

/** An error in plain words: what happened, and what the reader can do about it. */
export interface ErrorDescription {
  /** `info` while the SDK keeps trying, `error` once the call failed for good. */
  tone: 'info' | 'error'
  title: string
  hint: string
}

type Describer = (error: CarErrorLike, context: ErrorContext) => Omit<ErrorDescription, 'tone'>

const tryAgainShortly = 'Try again in a moment.'

const badRequest: Describer = (error) => ({
  title: 'The broker rejected the request this page sent.',
  hint: `It said: “${error.message}”. The page and the broker are probably different versions; update both.`,
})

const wrongBrokerUrl: Describer = (_error, { brokerUrl }) => ({
  title: `${brokerUrl} does not answer like a carkit broker.`,
  hint: `Point the page at the broker's base URL (the SDK calls ${brokerUrl}/v1/apply-concurrent), e.g. open this page with ?broker=http://127.0.0.1:8787.`,
})

const upstreamSlow: Describer = () => ({
  title: 'Tencent Cloud took too long to answer.',
  hint: tryAgainShortly,
})

const upstreamDown: Describer = () => ({
  title: 'The broker could not reach Tencent Cloud CAR.',
  hint: `${tryAgainShortly} If it keeps happening, the operator should check the broker's log and CARKIT_ENDPOINT.`,
})

const busy: Describer = () => ({
  title: 'The cloud service is busy right now.',
  hint: 'Try again in a few seconds.',
})

const credentialsRejected: Describer = () => ({
  title: "The broker's Tencent Cloud credentials were not accepted.",
  hint: 'The operator should check CARKIT_SECRET_ID / CARKIT_SECRET_KEY and the server clock (details are in the broker log).',
})

const refused: Describer = (error) => ({
  title: `Tencent Cloud CAR refused the request (${error.code}).`,
  hint: error.message,
})

/** One sentence per error code the SDK names; `satisfies` makes a new code a compile error here. */
const describers = {
  // A broker that refuses this origin in its CORS preflight looks exactly like a dead one to
  // the page (the browser hides the answer), so the hint names both causes.
  'Client.NetworkError': (_error, { brokerUrl, origin }) => ({
    title: `Broker unreachable — is it running at ${brokerUrl}?`,
    hint:
      'Start it with `pnpm start` (or `carkit-broker`). If it is running, it may not allow this ' +
      `page’s origin (${origin}): add it to CARKIT_ALLOWED_ORIGINS. To use another broker, open this page with ?broker=<url>.`,
  }),
  'Client.Timeout': (_error, { brokerUrl }) => ({
    title: `The broker at ${brokerUrl} did not answer in time.`,
    hint: `It may be overloaded, or Tencent Cloud is slow. ${tryAgainShortly}`,
  }),
  'Client.Aborted': () => ({
    title: 'Cancelled.',
    hint: 'Apply again whenever you are ready.',
  }),
  'Client.InvalidResponse': (_error, { brokerUrl }) => ({
    title: `${brokerUrl} answered with something that is not a carkit broker response.`,
    hint: `Check that ${brokerUrl}/healthz answers {"status":"ok"}, or open this page with ?broker=<url>.`,
  }),
  'Client.InvalidOptions': (error) => ({
    title: 'This page is set up wrongly.',
    hint: error.message,
  }),
  'InvalidParameter.JsonParseError': badRequest,
  MissingParameter: badRequest,
  InvalidParameterValue: badRequest,
  UnknownParameter: badRequest,
  'Broker.MethodNotAllowed': wrongBrokerUrl,
  'Broker.UnsupportedMediaType': wrongBrokerUrl,
  'Broker.NotFound': wrongBrokerUrl,
  'Broker.PayloadTooLarge': badRequest,
  'Broker.Unauthorized': () => ({
    title: 'The broker did not let you in.',
    hint: 'The site’s sign-in check refused this request. Sign in again, or ask the site’s operator for access.',
  }),
  'Broker.OriginNotAllowed': (_error, { origin }) => ({
    title: `The broker does not accept requests from this page’s origin (${origin}).`,
    hint: `Add it to the broker’s CARKIT_ALLOWED_ORIGINS (e.g. CARKIT_ALLOWED_ORIGINS=${origin}) and restart the broker.`,
  }),
  'Broker.ProjectNotAllowed': () => ({
    title: 'The broker does not serve the requested CAR project.',
    hint: 'Add the ProjectId to the broker’s CARKIT_PROJECT_IDS, or leave it out to use the broker’s default project.',
  }),
  'Broker.RateLimited': () => ({
    title: 'Too many requests from your address.',
    hint: "Wait a minute and try again. The broker's limit per address is set by CARKIT_RATE_LIMIT.",
  }),
  'ResourceNotFound.NoIdle': (_error, { stillTrying, waitForIdle }) => {
    if (stillTrying) {
      return { title: 'No idle instance right now — we will keep trying.', hint: 'You keep your place; this page asks again on its own.' }
    }
    return waitForIdle
      ? { title: 'No instance came free while we waited.', hint: 'Every instance is still busy. Try again in a few minutes.' }
      : { title: 'No idle instance right now.', hint: 'Try again in a moment, or turn on waiting.' }
  },
  'ResourceUnavailable.Initialization': (_error, { stillTrying, waitForIdle }) => ({
    title: 'Cloud instances are still starting up.',
    hint: stillTrying
      ? 'This page asks again on its own.'
      : waitForIdle
        ? 'They did not finish while we waited. Try again in a few minutes.'
        : 'Try again in a moment, or turn on waiting.',
  }),
  'UnsupportedOperation.Stopping': () => ({
    title: 'Your previous session is still shutting down.',
    hint: 'Try again in a few seconds.',
  }),
  'FailedOperation.SlowDown': busy,
  'FailedOperation.ProcessTimeout': upstreamSlow,
  'Broker.UpstreamTimeout': upstreamSlow,
  InternalError: upstreamDown,
  'Broker.UpstreamUnavailable': upstreamDown,
  RequestLimitExceeded: busy,
  'AuthFailure.SecretIdNotFound': credentialsRejected,
  'AuthFailure.SignatureFailure': credentialsRejected,
  'AuthFailure.SignatureExpire': credentialsRejected,
  FailedOperation: refused,
} satisfies Record<KnownCarErrorCode, Describer>

const describerByCode: Readonly<Record<string, Describer>> = describers

/** Codes outside the SDK's list: Tencent adds sub-codes under a few families. */
function describeByFamily(error: CarErrorLike, context: ErrorContext): Omit<ErrorDescription, 'tone'> {
  if (error.code.startsWith('RequestLimitExceeded')) return busy(error, context)
  if (error.code.startsWith('AuthFailure')) return credentialsRejected(error, context)
  return refused(error, context)
}

/**
 * Turns a `CarError` into a sentence a visitor understands plus what to do next. Every code the
 * contract names has its own wording; unknown codes get a generic one that shows the code.
 *
 * @example
 * ```ts
 * describeCarError(err, { brokerUrl, origin: location.origin, stillTrying: false, waitForIdle: false })
 * // → { tone: 'error', title: 'No idle instance right now.', hint: 'Try again in a moment, or turn on waiting.' }
 * ```
 */
export function describeCarError(error: CarErrorLike, context: ErrorContext): ErrorDescription {
  const describer = Object.hasOwn(describerByCode, error.code) ? describerByCode[error.code] : undefined
  const text = describer ? describer(error, context) : describeByFamily(error, context)
  return { tone: context.stillTrying ? 'info' : 'error', ...text }
}

/**
 * The codes with a wording of their own, for tests that check nothing is left out.
 *
 * @example
 * ```ts
 * describedCodes().includes('ResourceNotFound.NoIdle') // true
 * ```
 */
export function describedCodes(): string[] {
  return Object.keys(describers)
}
