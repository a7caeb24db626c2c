import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { expect, test } from './support/fixtures.ts'

test('a page whose origin the broker does not allow is told to add it to CARKIT_ALLOWED_ORIGINS', async ({ page, site, carkit, consoleGuard }) => {
  const stack = await carkit({ allowedOrigins: ['https://shop.example.com'] })
  const applyUrl = `${stack.brokerUrl}/v1/apply-concurrent`
  const pageUrl = demoUrl(site.url, stack.brokerUrl)
  // The broker refuses the CORS preflight, so Chromium reports the blocked fetch (attributed to
  // the page) and the failed load (attributed to the broker URL); the page only sees a network error.
  consoleGuard.allow({
    text: `Access to fetch at '${applyUrl}' from origin '${site.url}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    url: pageUrl,
  })
  consoleGuard.allow({ text: 'Failed to load resource: net::ERR_FAILED', url: applyUrl })
  await page.goto(pageUrl)
  const demo = demoPage(page)
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)

  await demo.apply.click()
  await expect(demo.status).toHaveAttribute('data-state', 'failed', { timeout: 45_000 })
  await expect(demo.notice).toContainText(`(${site.url})`)
  await expect(demo.notice).toContainText('CARKIT_ALLOWED_ORIGINS')
  expect(stack.emulator.calls).toEqual([])
})
