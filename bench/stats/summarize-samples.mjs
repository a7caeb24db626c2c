// @ts-check

/**
 * Percentile of already sorted numbers, by linear interpolation between closest ranks
 * (the "R-7" rule spreadsheets use), so a median of an even count is the mean of the middle two.
 *
 * @param {ReadonlyArray<number>} sorted ascending numbers
 * @param {number} fraction between 0 and 1, e.g. 0.5 for the median, 0.99 for p99
 * @returns {number} the percentile, or NaN for an empty list
 * @example
 * percentileOfSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentileOfSorted(sorted, fraction) {
  if (sorted.length === 0) return Number.NaN
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`fraction must be between 0 and 1, got ${fraction}`)
  }
  const rank = fraction * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const lowValue = /** @type {number} */ (sorted[low])
  const highValue = /** @type {number} */ (sorted[high])
  return lowValue + (highValue - lowValue) * (rank - low)
}

/**
 * @typedef {object} SampleSummary
 * @property {number} count
 * @property {number} min
 * @property {number} median
 * @property {number} p90
 * @property {number} p99
 * @property {number} max
 * @property {number} mean
 */

/**
 * Summarises a list of measurements (latencies in ms, ops/s of rounds, …) without changing it.
 *
 * @param {ReadonlyArray<number>} samples
 * @returns {SampleSummary}
 * @example
 * summarizeSamples([3, 1, 2]).median // 2
 */
export function summarizeSamples(samples) {
  const sorted = Float64Array.from(samples).sort()
  const values = Array.from(sorted)
  let total = 0
  for (const value of values) total += value
  return {
    count: values.length,
    min: values.length === 0 ? Number.NaN : /** @type {number} */ (values[0]),
    median: percentileOfSorted(values, 0.5),
    p90: percentileOfSorted(values, 0.9),
    p99: percentileOfSorted(values, 0.99),
    max: values.length === 0 ? Number.NaN : /** @type {number} */ (values[values.length - 1]),
    mean: values.length === 0 ? Number.NaN : total / values.length,
  }
}

/**
 * Median of a list of numbers.
 *
 * @param {ReadonlyArray<number>} samples
 * @returns {number}
 * @example
 * median([10, 30, 20, 40]) // 25
 */
export function median(samples) {
  return summarizeSamples(samples).median
}
