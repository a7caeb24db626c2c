import { expect, test } from './support/fixtures.ts'
import { USER_ID_PATTERN } from './support/demo-page.ts'

interface EsmResult {
  exports: Record<string, string>
  userId: string
  grant?: { requestId: string; userId: string; projectId: string }
  error?: string
}

// dist/carkit.js keeps ky and nanoid external; the page's import map points them at the browser
// ESM files of the very versions the SDK depends on (no bundler involved).
test('the ESM build works from a <script type=module> page with an import map', async ({ page, site, carkit }) => {
  const stack = await carkit()
  await page.goto(`${site.url}/e2e/esm.html?broker=${encodeURIComponent(stack.brokerUrl)}`)

  await expect(page.locator('#result')).toHaveText(/granted|failed/)
  const result = await page.evaluate(() => (window as unknown as { esmResult: EsmResult }).esmResult)
  expect(result.error).toBeUndefined()
  expect(result.exports).toEqual({
    createCarClient: 'function',
    isCarError: 'function',
    CarError: 'function',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  })
  expect(result.userId).toMatch(USER_ID_PATTERN)
  expect(result.grant).toEqual({ requestId: expect.any(String), userId: result.userId, projectId: 'cap-demo' })
  expect(stack.emulator.calls.filter((call) => call.action === 'ApplyConcurrent').map((call) => call.userId)).toEqual([result.userId])
})
