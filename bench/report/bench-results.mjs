// @ts-check
// The shape of one `pnpm bench` run, shared by the runner and the report renderers.

/**
 * @template T
 * @typedef {{ ok: true, value: T } | { ok: false, error: string } | undefined} SectionOutcome
 *   `undefined`: the section was not run (`--only`)
 */

/**
 * @typedef {object} BenchResults
 * @property {import('../machine/describe-machine.mjs').MachineDescription} machine
 * @property {{ durationSec: number, quick: boolean, command: string }} run
 * @property {SectionOutcome<import('../signing/measure-signing.mjs').SigningResult>} signing
 * @property {SectionOutcome<import('../e2e/broker-bench-result.mjs').BrokerBenchResult>} brokers
 * @property {SectionOutcome<import('../size/measure-sdk-size.mjs').SdkSizeResult>} size
 * @property {SectionOutcome<import('../browser/measure-time-to-grant.mjs').TimeToGrantResult>} browser
 */

/**
 * Runs one benchmark section and records its value, or its error in words, so one broken
 * section does not hide the others' numbers.
 *
 * @template T
 * @param {() => Promise<T> | T} measure
 * @returns {Promise<SectionOutcome<T>>}
 * @example
 * const signing = await runSection(() => measureSigning({ signTc3 }))
 * if (signing?.ok) console.log(signing.value.ratio)
 */
export async function runSection(measure) {
  try {
    return { ok: true, value: await measure() }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
