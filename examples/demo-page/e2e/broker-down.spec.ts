import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { FAILED_TO_LOAD_REFUSED } from './support/console-guard.ts'
import { expect, test } from './support/fixtures.ts'
import { freePortUrl } from './support/free-port-url.ts'
import { saveStateScreenshot } from './support/state-screenshot.ts'

test('with the broker down the page explains the network error in words and nothing throws', async ({ page, site, consoleGuard }, testInfo) => {
  const brokerUrl = await freePortUrl()
  // The only console errors allowed: Chromium's own line for each refused connection to the broker.
  consoleGuard.allow({ text: FAILED_TO_LOAD_REFUSED, url: `${brokerUrl}/v1/apply-concurrent` })
  await page.goto(demoUrl(site.url, brokerUrl))
  const demo = demoPage(page)
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)

  await demo.apply.click()
  await expect(demo.status).toHaveAttribute('data-state', 'failed', { timeout: 45_000 })
  await expect(demo.notice).toContainText(`Broker unreachable — is it running at ${brokerUrl}?`)
  await expect(demo.notice).toHaveAttribute('data-tone', 'error')
  await expect(demo.log.locator('li', { hasText: 'retry' }).first()).toContainText('Client.NetworkError')
  await expect(demo.apply).toBeEnabled()
  await saveStateScreenshot(page, testInfo, '40-broker-down')
  expect(consoleGuard.seen.filter((problem) => problem.kind === 'pageerror')).toEqual([])
})
