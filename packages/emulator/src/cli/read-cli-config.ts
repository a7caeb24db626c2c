import type { StartEmulatorOptions } from '../types.js'

/** Options the CLI takes from the environment. */
export type CliConfig = Required<Pick<StartEmulatorOptions, 'host' | 'port' | 'capacity' | 'projects'>>

/**
 * Reads `CARKIT_EMULATOR_HOST` (127.0.0.1), `CARKIT_EMULATOR_PORT` (8788),
 * `CARKIT_EMULATOR_CAPACITY` (2) and `CARKIT_EMULATOR_PROJECTS` (cap-demo, comma list).
 * Throws an `Error` whose one-line message names the bad variable.
 *
 * @example
 * readCliConfig({ CARKIT_EMULATOR_PORT: '9000' }).port // 9000
 */
export function readCliConfig(env: Readonly<Record<string, string | undefined>>): CliConfig {
  const host = (env['CARKIT_EMULATOR_HOST'] ?? '').trim() || '127.0.0.1'
  const port = wholeNumber(env, 'CARKIT_EMULATOR_PORT', 8788, 0, 65_535)
  const capacity = wholeNumber(env, 'CARKIT_EMULATOR_CAPACITY', 2, 0, Number.MAX_SAFE_INTEGER)
  const projectsText = env['CARKIT_EMULATOR_PROJECTS'] ?? 'cap-demo'
  const projects = projectsText.split(',').map((p) => p.trim()).filter((p) => p !== '')
  if (projects.length === 0) {
    throw new Error('CARKIT_EMULATOR_PROJECTS must be a comma-separated list of ProjectIds, e.g. `cap-demo,cap-other`.')
  }
  return { host, port, capacity, projects }
}

function wholeNumber(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim()
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got \`${text}\`.`)
  }
  return value
}
