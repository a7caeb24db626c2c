// @ts-check
import { evaluateGoals, verdictLabel } from './evaluate-goals.mjs'
import { sectionTables } from './section-tables.mjs'

/**
 * The run as plain-text tables for the terminal: machine, each section's table, failed
 * sections with their reason, and the goals.
 *
 * @param {import('./bench-results.mjs').BenchResults} results
 * @returns {string}
 * @example
 * console.log(renderConsole(results))
 */
export function renderConsole(results) {
  const m = results.machine
  const lines = [`${m.cpuModel} × ${m.cores} cores, ${m.memory}, Node ${m.node}, ${m.date}`, '']
  for (const table of sectionTables(results)) {
    lines.push(table.title, textTable(table.headers, table.rows), '')
  }
  for (const [name, outcome] of Object.entries({ signing: results.signing, brokers: results.brokers, size: results.size, browser: results.browser })) {
    if (outcome && !outcome.ok) lines.push(`${name}: NOT MEASURED — ${outcome.error}`, '')
  }
  const profile = results.brokers?.ok ? results.brokers.value.profile : undefined
  if (profile) {
    const rows = (/** @type {import('../profile/summarize-cpu-profile.mjs').ProfileEntry[]} */ entries) =>
      entries.slice(0, 10).map((e) => [e.name, `${e.selfMs.toFixed(0)} ms`, `${e.percent.toFixed(1)} %`])
    lines.push(`CPU profile of the ${profile.target} (busy ${profile.busyMs.toFixed(0)} ms)`, textTable(['area', 'self', 'share'], rows(profile.areas)), '')
    lines.push(textTable(['function', 'self', 'share'], rows(profile.functions)), '')
  }
  const goals = evaluateGoals(results)
  lines.push('Goals', textTable(['goal', 'target', 'measured', 'verdict'], goals.map((g) => [g.goal, g.target, g.measured, verdictLabel(g.met)])))
  return lines.join('\n')
}

/**
 * Columns padded to their widest cell; numbers-looking cells right-aligned.
 *
 * @param {string[]} headers
 * @param {string[][]} rows
 * @returns {string}
 * @example
 * textTable(['a', 'b'], [['x', '1']])
 */
export function textTable(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)))
  const format = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return column > 0 && /^[-–\d]/.test(cell) ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [format(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(format)].join('\n')
}
