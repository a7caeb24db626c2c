import type { RateLimit } from '../config/broker-config.js'

/** What {@link ClientRateLimiter.take} decided. */
export interface RateDecision {
  allowed: boolean
  /** When not allowed: milliseconds until one more request is allowed. */
  retryAfterMs: number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/** Options of {@link ClientRateLimiter}. */
export interface ClientRateLimiterOptions extends RateLimit {
  /** Most clients remembered; the least recently seen is forgotten first. @default 10_000 */
  maxClients?: number
  /** Clock in milliseconds. @default Date.now */
  now?: () => number
}

/**
 * Per-client token buckets: each client may burst up to `limit` requests and regains them
 * evenly over `windowMs`. Memory is bounded: at most `maxClients` buckets are kept (least
 * recently seen evicted first; a forgotten client simply starts with a full bucket).
 *
 * @example
 * ```ts
 * const limiter = new ClientRateLimiter({ limit: 30, windowMs: 60_000 })
 * if (!limiter.take(req.ip).allowed) reject()
 * ```
 */
export class ClientRateLimiter {
  readonly #limit: number
  readonly #perMs: number
  readonly #maxClients: number
  readonly #now: () => number
  readonly #buckets = new Map<string, Bucket>()

  constructor(options: ClientRateLimiterOptions) {
    this.#limit = options.limit
    this.#perMs = options.limit / options.windowMs
    this.#maxClients = options.maxClients ?? 10_000
    this.#now = options.now ?? Date.now
  }

  /** Number of clients currently remembered. */
  get size(): number {
    return this.#buckets.size
  }

  /** Spends one request of `client`'s budget if there is one. */
  take(client: string): RateDecision {
    const now = this.#now()
    let bucket = this.#buckets.get(client)
    if (bucket === undefined) {
      bucket = { tokens: this.#limit, updatedAt: now }
    } else {
      bucket.tokens = Math.min(this.#limit, bucket.tokens + (now - bucket.updatedAt) * this.#perMs)
      bucket.updatedAt = now
      this.#buckets.delete(client)
    }
    // Re-inserting keeps the Map in least-recently-seen order for eviction.
    this.#buckets.set(client, bucket)
    if (this.#buckets.size > this.#maxClients) {
      const oldest = this.#buckets.keys().next().value
      if (oldest !== undefined) this.#buckets.delete(oldest)
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true, retryAfterMs: 0 }
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.#perMs) }
  }
}
