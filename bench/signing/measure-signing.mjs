// @ts-check
import { compareThroughput } from './compare-throughput.mjs'
import { loadOfficialSign3 } from './official-signer.mjs'
import { createSigningInputs } from './signing-inputs.mjs'

/**
 * @typedef {object} SignTc3Input the part of `@carkit/broker`'s `SignTc3Input` the benchmark uses
 * @property {string} secretId
 * @property {string} secretKey
 * @property {string} host
 * @property {string} action
 * @property {string} version
 * @property {number} timestamp
 * @property {string} payload
 * @property {string} [service]
 */

/** @typedef {(input: SignTc3Input) => { authorization: string }} SignTc3 */

/**
 * @typedef {object} SigningResult
 * @property {number} oursOpsPerSec median of the rounds
 * @property {number} officialOpsPerSec median of the rounds
 * @property {number} ratio ours / official (medians)
 * @property {number} rounds
 * @property {number} roundMs
 * @property {string} payload the ApplyConcurrent body both signed
 * @property {number} payloadBytes
 * @property {number[]} oursRounds ops/s of every round
 * @property {number[]} officialRounds ops/s of every round
 */

/**
 * Signing benchmark: carkit's `signTc3` against the official SDK's `Sign.sign3` on the same
 * ApplyConcurrent payload, credentials and timestamp. Both must produce the same
 * Authorization header first — a faster signer that signs differently is no result.
 * The official signer gets the payload as a ready Buffer (its exact-bytes path, and the
 * cheapest one for it: a non-Buffer payload would be JSON-stringified inside the timing).
 *
 * @param {{ signTc3: SignTc3, rounds?: number, roundMs?: number, warmupMs?: number }} options
 * @returns {SigningResult}
 * @example
 * import { signTc3 } from '@carkit/broker'
 * const { ratio } = measureSigning({ signTc3 })
 */
export function measureSigning(options) {
  const { signTc3 } = options
  const rounds = options.rounds ?? 15
  const roundMs = options.roundMs ?? 200
  const inputs = createSigningInputs()
  const sign3 = loadOfficialSign3()
  const payloadBuffer = Buffer.from(inputs.payload, 'utf8')
  const officialInput = {
    method: 'POST',
    url: `https://${inputs.host}/`,
    payload: payloadBuffer,
    timestamp: inputs.timestamp,
    service: inputs.service,
    secretId: inputs.secretId,
    secretKey: inputs.secretKey,
    headers: { 'Content-Type': 'application/json' },
  }
  const oursInput = {
    secretId: inputs.secretId,
    secretKey: inputs.secretKey,
    host: inputs.host,
    action: inputs.action,
    version: inputs.version,
    timestamp: inputs.timestamp,
    payload: inputs.payload,
  }

  const ours = signTc3(oursInput).authorization
  const official = sign3(officialInput)
  if (ours !== official) {
    throw new Error(
      'signTc3 and the official Sign.sign3 disagree on the same inputs, so comparing their speed means nothing. ' +
        `signTc3 gave "${redactSignature(ours)}", Sign.sign3 gave "${redactSignature(official)}".`,
    )
  }

  const result = compareThroughput({
    rounds,
    roundMs,
    warmupMs: options.warmupMs ?? 1000,
    candidates: {
      ours: () => signTc3(oursInput),
      official: () => sign3(officialInput),
    },
  })
  const oursRate = result.ours?.medianOpsPerSec ?? Number.NaN
  const officialRate = result.official?.medianOpsPerSec ?? Number.NaN
  return {
    oursOpsPerSec: oursRate,
    officialOpsPerSec: officialRate,
    ratio: oursRate / officialRate,
    rounds,
    roundMs,
    payload: inputs.payload,
    payloadBytes: payloadBuffer.length,
    oursRounds: result.ours?.roundsOpsPerSec ?? [],
    officialRounds: result.official?.roundsOpsPerSec ?? [],
  }
}

/** The credential part names the run's generated SecretId; keep only the shape in errors. */
function redactSignature(/** @type {string} */ authorization) {
  return authorization.replace(/Credential=[^/]+\//, 'Credential=AKID…/')
}
