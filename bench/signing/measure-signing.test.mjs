// @ts-check
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadOfficialSign3 } from './official-signer.mjs'
import { measureSigning } from './measure-signing.mjs'

const sign3 = loadOfficialSign3()

/** A signer built on the official one, to exercise the harness without depending on the broker. */
const officialAsSignTc3 = (/** @type {import('./measure-signing.mjs').SignTc3Input} */ input) => ({
  authorization: sign3({
    method: 'POST',
    url: `https://${input.host}/`,
    payload: Buffer.from(input.payload),
    timestamp: input.timestamp,
    service: input.service ?? 'car',
    secretId: input.secretId,
    secretKey: input.secretKey,
    headers: { 'Content-Type': 'application/json' },
  }),
})

const quick = { rounds: 3, roundMs: 20, warmupMs: 20 }

describe('measureSigning', () => {
  it('reports both rates and their ratio for signers that agree', () => {
    const result = measureSigning({ ...quick, signTc3: officialAsSignTc3 })
    expect(result.oursOpsPerSec).toBeGreaterThan(0)
    expect(result.officialOpsPerSec).toBeGreaterThan(0)
    expect(result.ratio).toBeCloseTo(result.oursOpsPerSec / result.officialOpsPerSec)
    expect(result.oursRounds).toHaveLength(3)
    expect(JSON.parse(result.payload)).toMatchObject({ UserIp: '203.0.113.42', ProjectId: 'cap-8a1b2c3d' })
  })

  it('refuses to time a signer whose Authorization differs from the official one', () => {
    const wrong = (/** @type {{ secretKey: string }} */ input) => ({
      authorization: `TC3-HMAC-SHA256 Credential=AKIDx/2020-01-01/car/tc3_request, SignedHeaders=content-type;host, Signature=${createHmac('sha256', input.secretKey).update('x').digest('hex')}`,
    })
    expect(() => measureSigning({ ...quick, signTc3: wrong })).toThrow(/disagree/)
  })

  it('never puts the generated SecretId into its error message', () => {
    /** @type {string | undefined} */
    let secretId
    const wrong = (/** @type {{ secretId: string }} */ input) => {
      secretId = input.secretId
      return { authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/2020-01-01/car/tc3_request, Signature=0` }
    }
    let message = ''
    try {
      measureSigning({ ...quick, signTc3: wrong })
    } catch (error) {
      message = String(error)
    }
    expect(secretId).toMatch(/^AKID/)
    expect(message).toContain('disagree')
    expect(message).not.toContain(/** @type {string} */ (secretId))
  })
})
