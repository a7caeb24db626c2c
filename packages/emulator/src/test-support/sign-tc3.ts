import { createHash, createHmac } from 'node:crypto'

/** Input of the test-only TC3 signer. */
export interface TestSignInput {
  secretId: string
  secretKey: string
  host: string
  action: string
  timestamp: number
  body: string | Buffer
  service?: string
  contentType?: string
  signedHeaders?: 'content-type;host' | 'content-type;host;x-tc-action'
}

/**
 * A deliberately independent, minimal TC3-HMAC-SHA256 signer written straight from Tencent's
 * documentation, so emulator tests do not trust the code they test.
 *
 * @example
 * signTc3ForTest({ secretId, secretKey, host: 'car.tencentcloudapi.com', action: 'ApplyConcurrent', timestamp, body: '{}' })
 */
export function signTc3ForTest(input: TestSignInput): { authorization: string; signature: string; hashedCanonicalRequest: string } {
  const service = input.service ?? 'car'
  const contentType = input.contentType ?? 'application/json'
  const signedHeaders = input.signedHeaders ?? 'content-type;host'
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10)
  let headers = `content-type:${contentType}\nhost:${input.host}\n`
  if (signedHeaders.endsWith('x-tc-action')) headers += `x-tc-action:${input.action.toLowerCase()}\n`
  const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
  const canonical = `POST\n/\n\n${headers}\n${signedHeaders}\n${sha(input.body)}`
  const hashedCanonicalRequest = sha(canonical)
  const scope = `${date}/${service}/tc3_request`
  const toSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${scope}\n${hashedCanonicalRequest}`
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest()
  const kSigning = hmac(hmac(hmac(`TC3${input.secretKey}`, date), service), 'tc3_request')
  const signature = createHmac('sha256', kSigning).update(toSign).digest('hex')
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    hashedCanonicalRequest,
  }
}
