// @ts-check

/**
 * A GitHub-flavoured Markdown table (first column left-aligned, the others right-aligned, as
 * they hold numbers), with a bold title line above it when the table has one.
 *
 * @param {import('./section-tables.mjs').ResultTable} table
 * @returns {string}
 * @example
 * markdownTable({ title: '', headers: ['signer', 'ops/s'], rows: [['signTc3', '261 364']] })
 * // '| signer | ops/s |\n| --- | ---: |\n| signTc3 | 261 364 |'
 */
export function markdownTable(table) {
  const escape = (/** @type {string} */ cell) => cell.replaceAll('|', '\\|')
  const rows = [
    `| ${table.headers.map(escape).join(' | ')} |`,
    `|${table.headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ]
  return table.title ? [`**${table.title}**`, '', ...rows].join('\n') : rows.join('\n')
}
