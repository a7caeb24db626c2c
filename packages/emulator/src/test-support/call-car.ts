import { request } from 'node:http'
import type { EmulatorCredentials } from '../types.js'
import { signTc3ForTest, type TestSignInput } from './sign-tc3.js'

/** What a test call sends; everything but `url`, `credentials` and `action` has a sane default. */
export interface CallCarInput {
  url: string
  credentials: EmulatorCredentials
  action: string
  body?: unknown
  /** Raw body text, sent as is instead of `JSON.stringify(body)`. */
  rawBody?: string | Buffer
  /** Send the body with chunked transfer encoding, without Content-Length. */
  chunked?: boolean
  /** Bytes sent instead of the signed body, to test tampering. */
  sentBody?: string
  /** `Host` header to send and sign. @default the URL's host (with port) */
  host?: string
  /** `Host` to sign when it should differ from the one sent. */
  signHost?: string
  timestamp?: number
  version?: string
  service?: string
  contentType?: string
  signedHeaders?: TestSignInput['signedHeaders']
  /** Extra or replacing headers; `undefined` removes one. */
  headers?: Record<string, string | undefined>
  method?: string
  path?: string
}

/** The parsed answer. */
export interface CarAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  response: { Error?: { Code: string; Message: string }; RequestId: string; [key: string]: unknown }
}

/**
 * Sends one signed API 3.0 request over `node:http` (which, unlike fetch, lets a test choose the
 * `Host` header) and parses the JSON answer.
 *
 * @example
 * const answer = await callCar({ url: emu.url, credentials: emu.credentials, action: 'ApplyConcurrent', body })
 */
export function callCar(input: CallCarInput): Promise<CarAnswer> {
  const target = new URL(input.url)
  const host = input.host ?? target.host
  const body = input.rawBody ?? JSON.stringify(input.body ?? {})
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000)
  const contentType = input.contentType ?? 'application/json'
  const { authorization } = signTc3ForTest({
    ...input.credentials,
    host: input.signHost ?? host,
    action: input.action,
    timestamp,
    body,
    contentType,
    ...(input.service === undefined ? {} : { service: input.service }),
    ...(input.signedHeaders === undefined ? {} : { signedHeaders: input.signedHeaders }),
  })
  const headers: Record<string, string | undefined> = {
    'Content-Type': contentType,
    Host: host,
    'X-TC-Action': input.action,
    'X-TC-Version': input.version ?? '2022-01-10',
    'X-TC-Timestamp': String(timestamp),
    Authorization: authorization,
    ...input.headers,
  }
  const sent: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, method: input.method ?? 'POST', path: input.path ?? '/', headers: sent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Response: CarAnswer['response'] }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, response: parsed.Response })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
      },
    )
    req.on('error', reject)
    const sentBody = input.sentBody ?? body
    if (input.chunked === true) {
      req.write(sentBody)
      req.end()
    } else {
      req.end(sentBody)
    }
  })
}
