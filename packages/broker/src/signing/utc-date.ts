const SECONDS_PER_DAY = 86_400

// Nearly every call in a process falls on the same day as the previous one,
// so the last day's string is kept and reused.
let lastDay = Number.NaN
let lastDate = ''

/**
 * The UTC calendar date (`YYYY-MM-DD`) of a Unix timestamp in seconds — the date
 * TC3-HMAC-SHA256 puts in its credential scope. It is the **UTC** date on purpose:
 * a local date is a day behind or ahead near midnight (from 00:00 to 08:00 in
 * UTC+8, for instance) and Tencent then answers `AuthFailure.SignatureFailure`.
 *
 * The timestamp must be a non-negative integer no greater than 253402300799
 * (the last second of year 9999); {@link signTc3} checks that first.
 *
 * @example
 * ```ts
 * utcDateOfTimestamp(1551113065) // '2019-02-25'
 * utcDateOfTimestamp(1700006399) // '2023-11-14' (23:59:59 UTC, already the 15th in Beijing)
 * ```
 */
export function utcDateOfTimestamp(timestamp: number): string {
  const day = Math.floor(timestamp / SECONDS_PER_DAY)
  if (day !== lastDay) {
    lastDate = new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10)
    lastDay = day
  }
  return lastDate
}
