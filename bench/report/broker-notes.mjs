// @ts-check
import { formatMs, formatRatio } from './format-measurement.mjs'
import { markdownTable } from './markdown-table.mjs'

/**
 * What the broker numbers say, as Markdown lines under the broker tables: the throughput ratio
 * overall and round by round, CPU per request of each broker and of the whole machine (on a
 * machine whose cores are shared by load generator, broker and emulator, the whole-machine
 * ratio is the most the throughput ratio can reach), the p50 overhead, and — when one was
 * taken — the CPU profile of carkit's broker by area and by function.
 *
 * @param {import('../e2e/broker-bench-result.mjs').BrokerBenchResult} b
 * @returns {string[]}
 * @example
 * out.push(...brokerNotes(results.brokers.value))
 */
export function brokerNotes(b) {
  const { carkit, carkitExpress, reference } = b.targets
  const lines = [
    `- **Throughput:** carkit ${formatRatio(b.throughputRatio)} the reference broker (goal ≥ 1.5×); round by round ` +
      `${b.throughputRatioByRound.map(formatRatio).join(', ')}. Mounted in Express with \`createApp\`: ` +
      `${formatRatio(b.expressThroughputRatio)}.`,
  ]
  if (carkit.brokerCpuUsPerRequest !== undefined && reference.brokerCpuUsPerRequest !== undefined) {
    const machineCarkit = carkit.brokerCpuUsPerRequest + carkit.emulatorCpuUsPerRequest + carkit.loadGeneratorCpuUsPerRequest
    const machineReference = reference.brokerCpuUsPerRequest + reference.emulatorCpuUsPerRequest + reference.loadGeneratorCpuUsPerRequest
    lines.push(
      `- **Broker CPU per request:** carkit ${Math.round(carkit.brokerCpuUsPerRequest)} µs, reference ` +
        `${Math.round(reference.brokerCpuUsPerRequest)} µs: the reference broker needs ` +
        `${formatRatio(reference.brokerCpuUsPerRequest / carkit.brokerCpuUsPerRequest)} carkit's CPU for each grant` +
        (carkitExpress.brokerCpuUsPerRequest === undefined
          ? '.'
          : ` (carkit in Express: ${Math.round(carkitExpress.brokerCpuUsPerRequest)} µs, ` +
            `${formatRatio(reference.brokerCpuUsPerRequest / carkitExpress.brokerCpuUsPerRequest)}).`),
      `- **Whole machine per request** (broker + emulator + load generator, all sharing the same cores): carkit ` +
        `${Math.round(machineCarkit)} µs, reference ${Math.round(machineReference)} µs, a ratio of ` +
        `${formatRatio(machineReference / machineCarkit)} — about the most the throughput ratio can be while the three ` +
        'processes compete for the CPUs; on a machine with a core per process the broker figure above applies.',
    )
  }
  lines.push(
    `- **p50 overhead** over the emulator called directly: ${formatMs(b.overheadP50Ms)} at 1 connection (goal ≤ 1 ms), ` +
      `${formatMs(b.overheadP50UnderLoadMs)} at ${b.settings.connections} connections, where it is mostly waiting for a CPU.`,
    '',
  )
  if (b.profile) {
    lines.push(
      `### Where the ${b.profile.target} spends its CPU (\`node --cpu-prof\`, ${b.settings.connections} connections, busy time ${Math.round(b.profile.busyMs)} ms)`,
      '',
      '`native: writev` is the socket write system call; on loopback it also carries the kernel\'s TCP work for the receiving side.',
      '',
      markdownTable({
        title: '',
        headers: ['area', 'self time', 'share'],
        rows: b.profile.areas.map((a) => [a.name, formatMs(a.selfMs), `${a.percent.toFixed(1)} %`]),
      }),
      '',
      markdownTable({
        title: '',
        headers: ['hottest functions', 'self time', 'share'],
        rows: b.profile.functions.map((f) => [`\`${f.name}\``, formatMs(f.selfMs), `${f.percent.toFixed(1)} %`]),
      }),
      '',
    )
  }
  return lines
}
