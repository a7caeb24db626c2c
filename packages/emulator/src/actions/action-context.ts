import type { ActionOutput } from '../http/send-response.js'
import type { QuotaPool } from '../quota/quota-pool.js'

/** What an action handler may use. */
export interface ActionContext {
  readonly quota: QuotaPool
  /** `Date.now()` when the request arrived. */
  readonly now: number
}

/** One CAR action: it checks its parsed JSON body and returns its outputs, or throws an `ApiError`. */
export interface ActionDefinition {
  readonly name: string
  /** Share of `rateLimitPerSecond` this action gets (Tencent documents 100/s for most, 20/s for DescribeConcurrentCount). */
  readonly rateShare: number
  run(body: Readonly<Record<string, unknown>>, context: ActionContext): ActionOutput
}
