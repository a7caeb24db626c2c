// @ts-check
import { readFileSync } from 'node:fs'
import os from 'node:os'

/**
 * @typedef {object} MachineDescription
 * @property {string} cpuModel
 * @property {number} cores logical cores Node can see
 * @property {string} memory total RAM, e.g. "7.8 GiB"
 * @property {string} os kernel and architecture
 * @property {string} node Node.js version
 * @property {string} date ISO date and time (UTC) the run started
 */

/**
 * Describes the machine a benchmark runs on, for the report header: numbers from one
 * machine only make sense next to its CPU, core count and Node version.
 *
 * @param {Date} [now] when the run started
 * @returns {MachineDescription}
 * @example
 * const machine = describeMachine()
 * console.log(`${machine.cpuModel} × ${machine.cores}, Node ${machine.node}`)
 */
export function describeMachine(now = new Date()) {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() || readCpuModelFromProc() || 'unknown CPU',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}

/** Some virtual machines leave `os.cpus()` empty; /proc/cpuinfo still names the model. */
function readCpuModelFromProc() {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    return match?.[1]?.trim()
  } catch {
    return undefined
  }
}
