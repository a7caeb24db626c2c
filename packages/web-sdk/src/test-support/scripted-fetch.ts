/** One scripted broker answer: a JSON response, a network failure, or no answer until aborted. */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'network' | 'hang'

/** What the SDK sent in one attempt. */
export interface SentRequest {
  url: string
  method: string
  body: unknown
  headers: Headers
  credentials: RequestCredentials
}

/**
 * A granted answer.
 *
 * @example
 * ```ts
 * scriptedFetch(grant('u1', 'cap-demo', 'req-1'))
 * ```
 */
export const grant = (userId = 'u', projectId = 'cap-demo', requestId = 'req-1'): Answer => ({
  status: 200,
  body: { requestId, userId, projectId },
})

/**
 * A broker error answer in the contract's JSON shape, with `Retry-After` when given.
 *
 * @example
 * ```ts
 * scriptedFetch(brokerError(503, 'ResourceNotFound.NoIdle', true, 5), grant())
 * ```
 */
export const brokerError = (status: number, code: string, retryable: boolean, retryAfter?: number): Answer => ({
  status,
  body: { error: { code, message: `${code} (scripted)`, requestId: `rid-${code}`, retryable } },
  ...(retryAfter !== undefined && { headers: { 'retry-after': String(retryAfter) } }),
})

/**
 * A `fetch` that answers from a script, in order, and records every request. When the script
 * runs out, the last answer repeats.
 *
 * @example
 * ```ts
 * const broker = scriptedFetch('network', grant())
 * createCarClient({ brokerUrl, fetch: broker.fetch })
 * broker.sent.length // attempts made so far
 * ```
 */
export function scriptedFetch(...script: Answer[]) {
  const sent: SentRequest[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init)
    sent.push({
      url: request.url,
      method: request.method,
      body: await request.clone().json(),
      headers: request.headers,
      credentials: request.credentials,
    })
    const answer = (script.length > 1 ? script.shift() : script[0]) ?? 'network'
    if (answer === 'network') throw new TypeError('fetch failed')
    if (answer === 'hang') {
      return new Promise((_, reject) => {
        const stop = () => reject(request.signal.reason)
        if (request.signal.aborted) stop()
        request.signal.addEventListener('abort', stop)
      })
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    })
  }
  return { fetch, sent }
}
