import type { IncomingMessage } from 'node:http'

/** The body, or `'too-large'` once more than the limit arrived (the rest is drained unread). */
export type BodyResult = Buffer | 'too-large'

/**
 * Reads the raw request body, up to `maxBytes`. The signature covers these exact bytes, so the
 * body is never decoded or re-encoded before verification.
 *
 * @example
 * const body = await readBody(req, 1_048_576)
 * if (body === 'too-large') sendError(res, 'RequestSizeLimitExceeded', '…')
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume()
      resolve('too-large')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > maxBytes) {
        req.off('data', onData)
        req.resume()
        resolve('too-large')
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
