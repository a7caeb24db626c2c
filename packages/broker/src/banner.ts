import type { AllowedOrigins, BrokerConfig } from './config/broker-config.js'

function describeOrigins(origins: AllowedOrigins): string {
  const parts = [...origins.exact, ...origins.anyPort.map((origin) => `${origin}:*`)]
  if (origins.allowNull) parts.push('null')
  if (origins.any) parts.push('*')
  return parts.length === 0 ? 'none (only requests without an Origin header; set CARKIT_ALLOWED_ORIGINS)' : parts.join(', ')
}

/**
 * The CLI's start-up banner: URL, upstream, allowed origins and projects. It never contains a
 * secret; in emulator mode it says so and where the emulator listens.
 *
 * @example
 * ```ts
 * console.log(bannerLines(config, broker.url, broker.emulator?.url).join('\n'))
 * ```
 */
export function bannerLines(config: BrokerConfig, url: string, emulatorUrl: string | undefined): string[] {
  const lines = [`carkit-broker listening on ${url}`]
  if (emulatorUrl !== undefined) {
    lines.push(`  emulator mode — no Tencent credentials set; using a local CAR emulator at ${emulatorUrl} (${config.emulatorCapacity} slots per project)`)
  } else {
    lines.push(`  upstream: Tencent Cloud at ${config.endpoint ?? ''}`)
  }
  lines.push(`  projects: ${config.projectIds.join(', ')} (default ${config.projectIds[0] ?? ''})`)
  lines.push(`  allowed origins: ${describeOrigins(config.allowedOrigins)}`)
  lines.push(`  try: curl -s -XPOST ${url}/v1/apply-concurrent -H 'content-type: application/json' -d '{"userId":"u1"}'`)
  return lines
}
