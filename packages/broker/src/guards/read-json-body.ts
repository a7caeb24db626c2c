import type { IncomingMessage } from 'node:http'
import { BrokerError } from '../errors/broker-error.js'

/** Largest request body the broker reads, in bytes. */
export const maxBodyBytes = 4096

function tooLarge(): BrokerError {
  return new BrokerError({
    code: 'Broker.PayloadTooLarge',
    status: 413,
    message: `The request body is larger than ${maxBodyBytes} bytes. Send only userId, projectId, applicationId and applicationVersionId.`,
    headers: { Connection: 'close' },
  })
}

function checkContentType(req: IncomingMessage): void {
  const header = req.headers['content-type'] ?? ''
  const [type = '', ...params] = header.split(';')
  const charset = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('charset='))
  const utf8 = charset === undefined || /^charset="?utf-8"?$/.test(charset)
  if (type.trim().toLowerCase() !== 'application/json' || !utf8) {
    throw new BrokerError({
      code: 'Broker.UnsupportedMediaType',
      status: 415,
      message: 'Send the body as JSON with the header Content-Type: application/json.',
    })
  }
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // A flag instead of removing listeners: cheaper, and the request is dropped right after.
    let settled = false
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > maxBodyBytes) {
        settled = true
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (settled) return
      settled = true
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size))
    })
    req.on('error', (err) => {
      if (settled) return
      settled = true
      reject(
        new BrokerError({
          code: 'InvalidParameterValue',
          status: 400,
          message: 'The request body was cut off before its end. Send the whole JSON body.',
          cause: err,
        }),
      )
    })
  })
}

/**
 * Reads the request body as JSON: `application/json` only (415 `Broker.UnsupportedMediaType`),
 * at most {@link maxBodyBytes} (413 `Broker.PayloadTooLarge`), parse failure → 400
 * `InvalidParameter.JsonParseError`. When the host app already parsed the body (e.g.
 * `express.json()` mounted before the broker), that value is used.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(req)
 * ```
 */
export async function readJsonBody(req: IncomingMessage & { body?: unknown }): Promise<unknown> {
  checkContentType(req)
  const parsed: unknown = req.body
  if (parsed !== undefined) return parsed
  const declared = Number(req.headers['content-length'])
  if (declared > maxBodyBytes) throw tooLarge()
  const raw = await readRaw(req)
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch (cause) {
    throw new BrokerError({
      code: 'InvalidParameter.JsonParseError',
      status: 400,
      message: 'The request body is not valid JSON. Send an object like {"userId":"…"}.',
      cause,
    })
  }
}
