import http from 'node:http'

/** One HTTP exchange as the client saw it: status, headers and the raw body text. */
export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** What {@link rawRequest} sends; anything goes, so tests can send what `fetch` refuses to. */
export interface RawRequestInit {
  method: string
  path: string
  headers?: Record<string, string>
  body?: Buffer | string
  /** Connection pool; a keep-alive agent lets thousands of requests reuse a few sockets. */
  agent?: http.Agent
  /** Gives up (rejects) after this many milliseconds. @default 10_000 */
  timeoutMs?: number
}

/**
 * Sends one request with `node:http` (any method, any bytes, any header) to `baseUrl` and
 * reads the whole answer.
 *
 * @example
 * ```ts
 * const res = await rawRequest(broker.url, { method: 'PROPFIND', path: '/v1/apply-concurrent', body: Buffer.from([0xff]) })
 * ```
 */
export function rawRequest(baseUrl: string, init: RawRequestInit): Promise<RawResponse> {
  const url = new URL(baseUrl)
  const headers = { ...init.headers }
  // Node's client frames a GET/DELETE/OPTIONS/TRACE body with neither Content-Length nor chunked
  // encoding, so the server would read it as the next request; say its length explicitly.
  if (init.body !== undefined && headers['transfer-encoding'] === undefined) headers['content-length'] = String(Buffer.byteLength(init.body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: init.method,
        path: init.path,
        headers,
        agent: init.agent,
        timeout: init.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer to ${init.method} ${init.path} within ${init.timeoutMs ?? 10_000} ms`)))
    req.on('error', reject)
    req.end(init.body)
  })
}
