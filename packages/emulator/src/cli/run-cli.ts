import { startEmulator } from '../start-emulator.js'
import type { Emulator } from '../types.js'
import { readCliConfig } from './read-cli-config.js'

/**
 * What `carkit-emulator` does before waiting for a signal: reads the environment, starts the
 * emulator and prints its URL, projects and demo credentials. Printing the credentials is the
 * point: they are generated for this process only, for a local broker or script to sign with.
 * Throws with a one-line message naming the variable when the environment is invalid.
 *
 * @example
 * const emulator = await runCli(process.env, console.log)
 */
export async function runCli(env: Readonly<Record<string, string | undefined>>, print: (line: string) => void): Promise<Emulator> {
  const config = readCliConfig(env)
  let emulator: Emulator
  try {
    emulator = await startEmulator(config)
  } catch (error) {
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}. Set CARKIT_EMULATOR_PORT to a free port.`, {
      cause: error,
    })
  }
  print(`carkit-emulator: CAR API 3.0 emulator listening at ${emulator.url}`)
  print(`  projects: ${config.projects.join(', ')} (capacity ${config.capacity} each)`)
  print(`  demo SecretId:  ${emulator.credentials.secretId}`)
  print(`  demo SecretKey: ${emulator.credentials.secretKey}`)
  print('  Press Ctrl+C to stop.')
  return emulator
}
