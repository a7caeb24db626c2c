import type { BrokerConfig } from './broker-config.js'
import { BrokerCredentials } from './broker-credentials.js'

/**
 * Points an emulator-mode config at a running emulator: its URL becomes the endpoint and its
 * demo credentials sign the calls. `upstream` stays `emulator`.
 *
 * @example
 * ```ts
 * const emu = await startEmulator({ projects: [...config.projectIds] })
 * const ready = attachEmulator(config, emu.url, emu.credentials)
 * ```
 */
export function attachEmulator(config: BrokerConfig, url: string, credentials: { secretId: string; secretKey: string }): BrokerConfig {
  return {
    ...config,
    upstream: 'emulator',
    endpoint: new URL(url).origin,
    credentials: new BrokerCredentials(credentials.secretId, credentials.secretKey),
  }
}
