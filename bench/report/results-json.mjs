// @ts-check

/**
 * The run as JSON for tools (pasting into an issue note, comparing runs): everything the report
 * shows plus every round's numbers, without the raw per-request latency lists.
 *
 * @param {import('./bench-results.mjs').BenchResults} results
 * @returns {string}
 * @example
 * writeFileSync('bench/results/last-run.json', resultsJson(results))
 */
export function resultsJson(results) {
  return `${JSON.stringify(results, (key, value) => (key === 'latenciesMs' ? undefined : value), 2)}\n`
}
