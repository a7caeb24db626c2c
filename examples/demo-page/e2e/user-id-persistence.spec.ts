import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { expect, test } from './support/fixtures.ts'

test('the UserId survives a reload, is shared by a second tab, and differs in another context', async ({ page, context, newContext, site, carkit }) => {
  const stack = await carkit()
  const url = demoUrl(site.url, stack.brokerUrl)

  await page.goto(url)
  const first = demoPage(page)
  await expect(first.userId).toHaveText(USER_ID_PATTERN)
  const userId = (await first.userId.textContent()) ?? ''
  await expect(first.persistedPill).toContainText('New id · persisted')
  expect(await page.evaluate(() => localStorage.getItem('carkit:user-id'))).toBe(userId)

  await page.reload()
  await expect(first.userId).toHaveText(userId)
  await expect(first.persistedPill).toContainText('Restored · persisted')

  const secondTab = await context.newPage()
  await secondTab.goto(url)
  await expect(demoPage(secondTab).userId).toHaveText(userId)

  const otherContext = await newContext()
  const otherPage = await otherContext.newPage()
  await otherPage.goto(url)
  const other = demoPage(otherPage)
  await expect(other.userId).toHaveText(USER_ID_PATTERN)
  expect(await other.userId.textContent()).not.toBe(userId)

  // The id the broker sees is the one the page shows.
  await first.apply.click()
  await expect(first.status).toHaveAttribute('data-state', 'granted')
  expect(stack.emulator.calls.filter((call) => call.action === 'ApplyConcurrent').map((call) => call.userId)).toEqual([userId])
})

test('a reset in one tab reaches the other tab of the same browser', async ({ page, context, site, carkit }) => {
  const stack = await carkit()
  const url = demoUrl(site.url, stack.brokerUrl)
  await page.goto(url)
  const first = demoPage(page)
  await expect(first.userId).toHaveText(USER_ID_PATTERN)
  const secondTab = await context.newPage()
  await secondTab.goto(url)
  const second = demoPage(secondTab)
  await expect(second.userId).toHaveText((await first.userId.textContent()) ?? '')

  await first.resetUserId.click()
  const resetId = (await first.userId.textContent()) ?? ''
  await expect(second.userId).toHaveText(resetId)
  await expect(second.persistedPill).toContainText('Changed in another tab')
})
