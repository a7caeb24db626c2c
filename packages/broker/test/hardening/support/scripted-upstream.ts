import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the scripted upstream treats one request. */
export type UpstreamScript = (req: http.IncomingMessage, res: http.ServerResponse) => void

/** A loopback stand-in for Tencent Cloud whose behaviour a test switches between requests. */
export interface ScriptedUpstream {
  readonly url: string
  /** Requests received since the last {@link ScriptedUpstream.script} call. */
  readonly requests: number
  /** Answers every following request with `script`. */
  script(next: UpstreamScript): void
  close(): Promise<void>
}

/**
 * Starts a scripted upstream on 127.0.0.1 port 0. Its sockets are all destroyed on close, so a
 * script that never answers cannot keep the test process alive.
 *
 * @example
 * ```ts
 * const upstream = await startScriptedUpstream()
 * upstream.script((_req, res) => res.writeHead(503).end())
 * ```
 */
export async function startScriptedUpstream(): Promise<ScriptedUpstream> {
  let current: UpstreamScript = (_req, res) => res.writeHead(500).end()
  let requests = 0
  const server = http.createServer((req, res) => {
    requests += 1
    // Read the signed body first, as a real server would, then misbehave.
    req.resume()
    req.on('end', () => current(req, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests
    },
    script(next) {
      current = next
      requests = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Writes a Tencent Cloud API 3.0 answer: `{"Response":{…fields,"RequestId"}}` with HTTP 200.
 *
 * @example
 * ```ts
 * upstream.script((_req, res) => answerJson(res, { Error: { Code: 'InternalError', Message: 'x' } }, 'req-1'))
 * ```
 */
export function answerJson(res: http.ServerResponse, fields: Record<string, unknown>, requestId: string): void {
  const body = JSON.stringify({ Response: { ...fields, RequestId: requestId } })
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
