import { BrokerConfigError } from './broker-config-error.js'
import type { BrokerConfig, LogLevel } from './broker-config.js'
import { loopbackOrigins, noOrigins, parseAllowedOrigins } from './parse-allowed-origins.js'
import { parseEndpoint } from './parse-endpoint.js'
import { parseInteger } from './parse-integer.js'
import { parseRateLimit } from './parse-rate-limit.js'
import { parseTrustProxy } from './parse-trust-proxy.js'
import { readCredentials } from './read-credentials.js'
import type { BrokerCredentials } from './broker-credentials.js'
import { createTextRedactor } from '../logging/redact.js'

/** The default upstream: Tencent Cloud's international CAR endpoint. */
export const defaultEndpoint = 'https://car.intl.tencentcloudapi.com'

const projectIdPattern = /^cap-[a-z0-9]{1,60}$/
const logLevels: readonly LogLevel[] = ['info', 'warn', 'error', 'silent']

function value(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const raw = env[name]
  return raw === undefined || raw.trim() === '' ? undefined : raw
}

function parseProjectIds(raw: string): string[] {
  const ids = raw.split(',').map((id) => id.trim()).filter((id) => id !== '')
  if (ids.length === 0) throw new BrokerConfigError('CARKIT_PROJECT_IDS', 'is empty; list ProjectIds like cap-abc123')
  const bad = ids.find((id) => !projectIdPattern.test(id))
  if (bad !== undefined) throw new BrokerConfigError('CARKIT_PROJECT_IDS', `"${bad}" is not a ProjectId (cap- followed by lowercase letters and digits)`)
  return [...new Set(ids)]
}

function parseRegion(raw: string): string {
  const region = raw.trim()
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) throw new BrokerConfigError('CARKIT_REGION', `"${region}" is not a region like ap-guangzhou`)
  return region
}

function parseLogLevel(raw: string): LogLevel {
  const level = raw.trim() as LogLevel
  if (!logLevels.includes(level)) throw new BrokerConfigError('CARKIT_LOG_LEVEL', `must be one of ${logLevels.join(', ')}, got "${raw.trim()}"`)
  return level
}

function parseHost(raw: string): string {
  const host = raw.trim()
  if (!/^[A-Za-z0-9.:[\]%-]+$/.test(host)) throw new BrokerConfigError('CARKIT_HOST', `"${host}" is not a host name or IP address`)
  return host
}

function configFrom(env: Readonly<Record<string, string | undefined>>, credentials: BrokerCredentials | undefined): BrokerConfig {
  const upstream = credentials === undefined ? 'emulator' : 'tencent'
  const endpointRaw = value(env, 'CARKIT_ENDPOINT')
  if (upstream === 'emulator' && endpointRaw !== undefined) {
    throw new BrokerConfigError('CARKIT_ENDPOINT', 'is set but no credentials are; set CARKIT_SECRET_ID and CARKIT_SECRET_KEY too, or unset it for emulator mode')
  }
  const projectsRaw = value(env, 'CARKIT_PROJECT_IDS')
  if (upstream === 'tencent' && projectsRaw === undefined) {
    throw new BrokerConfigError('CARKIT_PROJECT_IDS', 'is required when credentials are set; list your CAR ProjectIds like cap-abc123')
  }
  const originsRaw = value(env, 'CARKIT_ALLOWED_ORIGINS')
  const trustRaw = value(env, 'CARKIT_TRUST_PROXY')
  const rateRaw = value(env, 'CARKIT_RATE_LIMIT')
  const rpsRaw = value(env, 'CARKIT_UPSTREAM_RPS')
  const hostRaw = value(env, 'CARKIT_HOST')
  const portRaw = value(env, 'CARKIT_PORT')
  const capacityRaw = value(env, 'CARKIT_EMULATOR_CAPACITY')
  const regionRaw = value(env, 'CARKIT_REGION')
  const logRaw = value(env, 'CARKIT_LOG_LEVEL')
  return {
    upstream,
    credentials,
    endpoint: upstream === 'emulator' ? undefined : endpointRaw === undefined ? defaultEndpoint : parseEndpoint(endpointRaw),
    region: regionRaw === undefined ? undefined : parseRegion(regionRaw),
    projectIds: projectsRaw === undefined ? ['cap-demo'] : parseProjectIds(projectsRaw),
    allowedOrigins: originsRaw !== undefined ? parseAllowedOrigins(originsRaw) : upstream === 'emulator' ? loopbackOrigins : noOrigins,
    trustProxy: trustRaw === undefined ? false : parseTrustProxy(trustRaw),
    rateLimit: rateRaw === undefined ? { limit: 30, windowMs: 60_000 } : parseRateLimit(rateRaw),
    upstreamRps: rpsRaw === undefined ? 100 : parseInteger('CARKIT_UPSTREAM_RPS', rpsRaw, 1, 1_000_000),
    host: hostRaw === undefined ? '127.0.0.1' : parseHost(hostRaw),
    port: portRaw === undefined ? 8787 : parseInteger('CARKIT_PORT', portRaw, 0, 65_535),
    emulatorCapacity: capacityRaw === undefined ? 2 : parseInteger('CARKIT_EMULATOR_CAPACITY', capacityRaw, 0, 1_000_000_000),
    logLevel: logRaw === undefined ? 'info' : parseLogLevel(logRaw),
  }
}

/**
 * Reads and validates every `CARKIT_*` variable of the contract once, applying defaults.
 * Without credentials the broker is in emulator mode. A bad value throws a
 * {@link BrokerConfigError} whose one-line message names the variable.
 *
 * @example
 * ```ts
 * const config = loadConfig(process.env)
 * app.use('/car', createBroker(config))
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): BrokerConfig {
  const credentials = readCredentials(env)
  try {
    return configFrom(env, credentials)
  } catch (err) {
    if (!(err instanceof BrokerConfigError) || credentials === undefined) throw err
    // A secret pasted into the wrong variable would be quoted back in the one-line error: mask it.
    const redact = createTextRedactor(credentials.secrets())
    throw new BrokerConfigError(err.variable, redact(err.message.slice(err.variable.length + 2)))
  }
}
