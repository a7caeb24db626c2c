import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { expect, test } from './support/fixtures.ts'
import { saveStateScreenshot } from './support/state-screenshot.ts'

test('the demo page renders, applies for quota, and updates its badge and event log', async ({ page, site, carkit }, testInfo) => {
  const stack = await carkit()
  await page.goto(demoUrl(site.url, stack.brokerUrl))
  const demo = demoPage(page)

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  await expect(demo.status).toHaveAttribute('data-state', 'idle')
  await expect(demo.status).toContainText('Ready')
  await expect(demo.persistedPill).toContainText('persisted')
  await expect(demo.storageNote).toContainText('localStorage')
  await expect(demo.log.locator('li', { hasText: 'userid' })).toHaveCount(1)
  await expect(page.locator('#broker-url')).toHaveText(stack.brokerUrl)
  await saveStateScreenshot(page, testInfo, '01-ready')

  await demo.apply.click()
  await expect(demo.status).toHaveAttribute('data-state', 'granted')
  await expect(demo.status).toContainText('Quota granted')
  await expect(demo.notice).toContainText('You have a cloud instance.')
  await expect(demo.log.locator('li', { hasText: 'granted' }).first()).toContainText('cap-demo')
  await expect(demo.log.locator('li', { hasText: 'requesting → granted' })).toHaveCount(1)

  const userId = (await demo.userId.textContent()) ?? ''
  const snapshot = stack.emulator.snapshot()
  expect(snapshot.projects['cap-demo']?.slots.map((slot) => slot.userId)).toEqual([userId])
  await saveStateScreenshot(page, testInfo, '02-granted')

  await page.setViewportSize({ width: 400, height: 800 })
  await expect(demo.apply).toBeInViewport()
  await saveStateScreenshot(page, testInfo, '03-granted-narrow-screen')
})

test('Reset UserId gives a new persisted id and logs it', async ({ page, site, carkit }) => {
  const stack = await carkit()
  await page.goto(demoUrl(site.url, stack.brokerUrl))
  const demo = demoPage(page)
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  const before = await demo.userId.textContent()

  await demo.resetUserId.click()
  await expect(demo.userId).not.toHaveText(before ?? '')
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)
  await expect(demo.persistedPill).toContainText('Reset just now')
  await expect(demo.log.locator('li', { hasText: /reset/ })).toHaveCount(1)

  const after = await demo.userId.textContent()
  await page.reload()
  await expect(demo.userId).toHaveText(after ?? '')
})

test('the page is usable with the keyboard alone', async ({ page, site, carkit }) => {
  const stack = await carkit()
  await page.goto(demoUrl(site.url, stack.brokerUrl))
  const demo = demoPage(page)
  await expect(demo.userId).toHaveText(USER_ID_PATTERN)

  await demo.apply.focus()
  await page.keyboard.press('Enter')
  await expect(demo.status).toHaveAttribute('data-state', 'granted')

  await demo.waitForIdle.focus()
  await expect(demo.waitForIdle).toBeChecked()
  await page.keyboard.press('Space')
  await expect(demo.waitForIdle).not.toBeChecked()
})
