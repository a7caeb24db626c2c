import type http from 'node:http'
import { isBrokerError } from '../errors/broker-error.js'
import { parseUpstreamAnswer, upstreamTimeout, upstreamUnavailable, type UpstreamAnswer } from './upstream-answer.js'

const maxAnswerBytes = 1 << 20

/** One signed POST to send upstream. */
export interface UpstreamPost {
  /** `http.request` or `https.request`. */
  request: typeof http.request
  /** Target, method, agent and the signed headers. */
  options: http.RequestOptions
  /** The exact body that was signed. */
  payload: string
  /** Time budget for the whole exchange (connect to last byte). */
  timeoutMs: number
}

function attempt(post: UpstreamPost, deadline: number, mayRetry: boolean): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false
    let timedOut = false
    const fail = (err: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(err)
    }
    const cutOff = (cause?: unknown): void => fail(timedOut ? upstreamTimeout(post.timeoutMs) : upstreamUnavailable('upstream answer cut off', cause))
    const req = post.request(post.options, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxAnswerBytes) {
          req.destroy()
          fail(upstreamUnavailable('upstream answer larger than 1 MiB'))
          return
        }
        chunks.push(chunk)
      })
      res.on('end', () => {
        if (settled) return
        if (res.statusCode !== 200) {
          fail(upstreamUnavailable(`upstream answered HTTP ${res.statusCode ?? 'without a status'}`))
          return
        }
        try {
          const answer = parseUpstreamAnswer(Buffer.concat(chunks, size).toString('utf8'), res.headers.date)
          settled = true
          clearTimeout(timer)
          resolve(answer)
        } catch (err) {
          fail(isBrokerError(err) ? err : upstreamUnavailable('unreadable upstream answer', err))
        }
      })
      res.on('error', cutOff)
      res.on('close', () => {
        if (!res.complete) cutOff()
      })
    })
    const timer = setTimeout(() => {
      timedOut = true
      req.destroy()
      fail(upstreamTimeout(post.timeoutMs))
    }, Math.max(1, deadline - Date.now()))
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return
      // A pooled connection the server closed while idle: the request never reached it (Node docs' advice).
      if (mayRetry && req.reusedSocket && err.code === 'ECONNRESET') {
        settled = true
        clearTimeout(timer)
        attempt(post, deadline, false).then(resolve, reject)
        return
      }
      fail(timedOut ? upstreamTimeout(post.timeoutMs) : upstreamUnavailable(`cannot reach upstream: ${err.code ?? err.message}`, err))
    })
    req.end(post.payload)
  })
}

/**
 * Sends one signed API 3.0 POST and reads the answer within `timeoutMs`: a network error,
 * non-200 status, an answer over 1 MiB, non-JSON or a cut-off body → `Broker.UpstreamUnavailable`;
 * no complete answer in time (including a body that trickles) → `Broker.UpstreamTimeout`. A
 * pooled keep-alive connection that turns out closed is retried once on a fresh one.
 *
 * @example
 * ```ts
 * const answer = await postUpstream({ request: http.request, options, payload, timeoutMs: 20_000 })
 * ```
 */
export function postUpstream(post: UpstreamPost): Promise<UpstreamAnswer> {
  return attempt(post, Date.now() + post.timeoutMs, true)
}
