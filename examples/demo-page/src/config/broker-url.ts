/** The local broker that `pnpm start` runs. */
export const DEFAULT_BROKER_URL = 'http://127.0.0.1:8787'

/** Where the page's broker URL came from, shown to the reader so they know how to change it. */
export type BrokerUrlSource = 'query' | 'env' | 'default'

export interface BrokerUrlChoice {
  /** Absolute http(s) URL without a trailing slash. */
  url: string
  source: BrokerUrlSource
  /** Set when a configured value was unusable and the page fell back to another one. */
  warning?: string
}

function normalize(value: string): string | undefined {
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.href.replace(/\/+$/, '')
  } catch {
    return undefined
  }
}

/**
 * Picks the broker URL: the `?broker=` query parameter first, then the build-time
 * `VITE_CARKIT_BROKER_URL`, then the local broker at {@link DEFAULT_BROKER_URL}.
 * A value that is not an absolute http(s) URL is skipped, with a warning saying so.
 *
 * @example
 * ```ts
 * resolveBrokerUrl('?broker=https://app.example.com/car', undefined)
 * // → { url: 'https://app.example.com/car', source: 'query' }
 * ```
 */
export function resolveBrokerUrl(search: string, envValue: string | undefined): BrokerUrlChoice {
  const warnings: string[] = []
  const fromQuery = new URLSearchParams(search).get('broker')
  if (fromQuery !== null && fromQuery.trim() !== '') {
    const url = normalize(fromQuery.trim())
    if (url) return { url, source: 'query' }
    warnings.push(`The ?broker= value "${fromQuery}" is not an absolute http(s) URL, so it was ignored.`)
  }
  if (envValue !== undefined && envValue.trim() !== '') {
    const url = normalize(envValue.trim())
    if (url) return withWarnings({ url, source: 'env' }, warnings)
    warnings.push(`VITE_CARKIT_BROKER_URL "${envValue}" is not an absolute http(s) URL, so it was ignored.`)
  }
  return withWarnings({ url: DEFAULT_BROKER_URL, source: 'default' }, warnings)
}

function withWarnings(choice: BrokerUrlChoice, warnings: string[]): BrokerUrlChoice {
  return warnings.length > 0 ? { ...choice, warning: warnings.join(' ') } : choice
}
