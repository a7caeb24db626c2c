/**
 * The UTC calendar date (`YYYY-MM-DD`) of a Unix time in seconds — the TC3 credential scope date.
 * Using the local date instead breaks signing around midnight in time zones other than UTC.
 *
 * @example
 * utcDate(1551113065) // '2019-02-25'
 */
export function utcDate(timestampSec: number): string {
  return new Date(timestampSec * 1000).toISOString().slice(0, 10)
}
