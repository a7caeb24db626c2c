import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { expect, test } from './support/fixtures.ts'
import { saveStateScreenshot } from './support/state-screenshot.ts'

test('in a sandboxed frame (origin null, storage throws) the page still gets a grant and says the id is not persisted', async ({ page, site, carkit }, testInfo) => {
  // The frame's requests carry `Origin: null`, which the broker accepts only when it is listed.
  const stack = await carkit({ allowedOrigins: [site.url, 'null'] })
  await page.goto(demoUrl(site.url, stack.brokerUrl, '/e2e/sandboxed-frame.html'))
  const frame = page.frameLocator('#demo')
  const demo = demoPage(frame)

  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  await expect(demo.persistedPill).toContainText('not persisted')
  await expect(demo.storageNote).toContainText('Not persisted — this browser blocks storage here')
  expect(await frame.locator('body').evaluate(() => window.origin)).toBe('null')

  await demo.apply.click()
  await expect(demo.status).toHaveAttribute('data-state', 'granted')
  const userId = await demo.userId.textContent()
  expect(stack.emulator.calls.filter((call) => call.action === 'ApplyConcurrent').map((call) => call.userId)).toEqual([userId])
  await saveStateScreenshot(page, testInfo, '20-not-persisted-sandboxed-frame')
})

test('when localStorage throws on every access the page still gets a grant and says the id is not persisted', async ({ page, site, carkit }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The user has blocked storage for this site.', 'SecurityError')
      },
    })
  })
  const stack = await carkit()
  await page.goto(demoUrl(site.url, stack.brokerUrl))
  const demo = demoPage(page)

  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  await expect(demo.persistedPill).toContainText('not persisted')
  const firstId = await demo.userId.textContent()

  await demo.apply.click()
  await expect(demo.status).toHaveAttribute('data-state', 'granted')

  await page.reload()
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  expect(await demo.userId.textContent()).not.toBe(firstId)
})
