// @ts-check

/**
 * Whole number with thousands separators, e.g. `12 345`; `–` when not a number.
 *
 * @param {number} value
 * @returns {string}
 * @example
 * formatCount(12345.6) // '12 346'
 */
export function formatCount(value) {
  if (!Number.isFinite(value)) return '–'
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

/**
 * Milliseconds with precision that suits the size: `0.184 ms`, `3.21 ms`, `41.9 ms`, `1 204 ms`.
 *
 * @param {number} value
 * @returns {string}
 * @example
 * formatMs(0.18412) // '0.184 ms'
 */
export function formatMs(value) {
  if (!Number.isFinite(value)) return '–'
  const abs = Math.abs(value)
  if (abs < 1) return `${value.toFixed(3)} ms`
  if (abs < 10) return `${value.toFixed(2)} ms`
  if (abs < 100) return `${value.toFixed(1)} ms`
  return `${formatCount(value)} ms`
}

/**
 * Bytes as bytes below 10 kB, else kB (1000) with one decimal, keeping the exact count too.
 *
 * @param {number} value
 * @returns {string}
 * @example
 * formatBytes(4821) // '4 821 B'
 * formatBytes(48210) // '48.2 kB (48 210 B)'
 */
export function formatBytes(value) {
  if (!Number.isFinite(value)) return '–'
  if (Math.abs(value) < 10_000) return `${formatCount(value)} B`
  return `${(value / 1000).toFixed(1)} kB (${formatCount(value)} B)`
}

/**
 * Memory in MiB, e.g. `142.3 MiB`.
 *
 * @param {number | undefined} bytes
 * @returns {string}
 * @example
 * formatMiB(149_212_160) // '142.3 MiB'
 */
export function formatMiB(bytes) {
  if (bytes === undefined || !Number.isFinite(bytes)) return '–'
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/**
 * A ratio as `2.41×`.
 *
 * @param {number} value
 * @returns {string}
 * @example
 * formatRatio(2.4139) // '2.41×'
 */
export function formatRatio(value) {
  if (!Number.isFinite(value)) return '–'
  return `${value.toFixed(2)}×`
}
