import { afterEach } from 'vitest'
import { startStack, type Stack, type StackOptions } from './start-stack.js'

/**
 * Registers an `afterEach` that closes every stack started during the test, and returns the
 * `startStack` to start them with. Call it once at the top level of a test file.
 *
 * @example
 * const start = stacksClosedAfterEach()
 *
 * it('grants a request', async () => {
 *   const stack = await start({ env: { CARKIT_TRUST_PROXY: 'loopback' } })
 *   expect((await stack.post({ userId: 'u1' })).status).toBe(200)
 * })
 */
export function stacksClosedAfterEach(): (options?: StackOptions) => Promise<Stack> {
  const running: Stack[] = []
  afterEach(async () => {
    for (const stack of running.splice(0)) await stack.close()
  })
  return async (options) => {
    const stack = await startStack(options)
    running.push(stack)
    return stack
  }
}
