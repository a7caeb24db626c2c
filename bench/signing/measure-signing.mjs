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
 * @property {number} oursNewDateOpsPerSec median of the rounds, every call on another UTC date (its signing-key cache never hits)
 * @property {number} officialOpsPerSec median of the rounds
 * @property {number} officialObjectOpsPerSec median of the rounds, official signer given the request object as CommonClient does
 * @property {number} ratio ours / official (medians)
 * @property {number} rounds
 * @property {number} roundMs
 * @property {string} payload the ApplyConcurrent body both signed
 * @property {number} payloadBytes
 * @property {number[]} oursRounds ops/s of every round
 * @property {number[]} oursNewDateRounds ops/s of every round
 * @property {number[]} officialRounds ops/s of every round
 * @property {number[]} officialObjectRounds ops/s of every round
 */

/**
 * Signing benchmark: carkit's `signTc3` against the official SDK's `Sign.sign3` on the same
 * ApplyConcurrent payload, credentials and timestamp. Both must produce the same
 * Authorization header first — a faster signer that signs differently is no result.
 * The headline compares against the official signer given the payload as a ready Buffer (its
 * exact-bytes path, and the cheapest one for it). A third candidate shows the official signer as
 * `CommonClient` really calls it: with the request object, which it JSON-stringifies itself.
 * A fourth shows `signTc3` when its derived-key cache cannot help: every call on another UTC
 * date, cycling through more dates than the cache holds.
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

  const officialObjectInput = { ...officialInput, payload: /** @type {Record<string, unknown>} */ (JSON.parse(inputs.payload)) }

  const ours = signTc3(oursInput).authorization
  const official = sign3(officialInput)
  if (ours !== official || sign3(officialObjectInput) !== official) {
    throw new Error(
      'signTc3 and the official Sign.sign3 disagree on the same inputs, so comparing their speed means nothing. ' +
        `signTc3 gave "${redactSignature(ours)}", Sign.sign3 gave "${redactSignature(official)}".`,
    )
  }

  // More dates than signTc3's key cache holds (16), so every call derives its key afresh.
  const newDateInputs = Array.from({ length: 64 }, (_, day) => ({ ...oursInput, timestamp: inputs.timestamp - day * 86_400 }))
  let nextDate = 0
  const lastDay = /** @type {(typeof newDateInputs)[number]} */ (newDateInputs[63])
  if (signTc3(lastDay).authorization !== sign3({ ...officialInput, timestamp: lastDay.timestamp })) {
    throw new Error('signTc3 and the official Sign.sign3 disagree for an earlier date, so comparing their speed means nothing.')
  }

  const result = compareThroughput({
    rounds,
    roundMs,
    warmupMs: options.warmupMs ?? 1000,
    candidates: {
      ours: () => signTc3(oursInput),
      oursNewDate: () => signTc3(/** @type {(typeof newDateInputs)[number]} */ (newDateInputs[nextDate++ & 63])),
      official: () => sign3(officialInput),
      officialObject: () => sign3(officialObjectInput),
    },
  })
  const oursRate = result.ours?.medianOpsPerSec ?? Number.NaN
  const officialRate = result.official?.medianOpsPerSec ?? Number.NaN
  return {
    oursOpsPerSec: oursRate,
    oursNewDateOpsPerSec: result.oursNewDate?.medianOpsPerSec ?? Number.NaN,
    officialOpsPerSec: officialRate,
    officialObjectOpsPerSec: result.officialObject?.medianOpsPerSec ?? Number.NaN,
    ratio: oursRate / officialRate,
    rounds,
    roundMs,
    payload: inputs.payload,
    payloadBytes: payloadBuffer.length,
    oursRounds: result.ours?.roundsOpsPerSec ?? [],
    oursNewDateRounds: result.oursNewDate?.roundsOpsPerSec ?? [],
    officialRounds: result.official?.roundsOpsPerSec ?? [],
    officialObjectRounds: result.officialObject?.roundsOpsPerSec ?? [],
  }
}

/** The credential part names the run's generated SecretId; keep only the shape in errors. */
function redactSignature(/** @type {string} */ authorization) {
  return authorization.replace(/Credential=[^/]+\//, 'Credential=AKID…/')
}
