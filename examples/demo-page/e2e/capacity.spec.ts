import { demoPage, demoUrl, USER_ID_PATTERN } from './support/demo-page.ts'
import { failedToLoadStatus } from './support/console-guard.ts'
import { expect, test } from './support/fixtures.ts'
import { saveStateScreenshot } from './support/state-screenshot.ts'

test.describe('when every instance is taken (capacity 1)', () => {
  test('a second user waits, and is granted once the first user’s slot is freed', async ({ newContext, site, carkit, consoleGuard }, testInfo) => {
    const stack = await carkit({ capacity: 1 })
    // NoIdle is a 503 from the broker, which Chromium logs as a failed resource load.
    consoleGuard.allow({ text: failedToLoadStatus(503, 'Service Unavailable'), url: `${stack.brokerUrl}/v1/apply-concurrent` })
    const url = demoUrl(site.url, stack.brokerUrl)

    const firstPage = await (await newContext()).newPage()
    await firstPage.goto(url)
    const first = demoPage(firstPage)
    await expect(first.userId).toHaveText(USER_ID_PATTERN)
    await first.apply.click()
    await expect(first.status).toHaveAttribute('data-state', 'granted')
    const firstUserId = (await first.userId.textContent()) ?? ''

    const secondPage = await (await newContext()).newPage()
    await secondPage.goto(url)
    const second = demoPage(secondPage)
    await expect(second.waitForIdle).toBeChecked()
    await second.apply.click()
    await expect(second.status).toHaveAttribute('data-state', 'waiting')
    await expect(second.notice).toContainText('No idle instance right now — we will keep trying')
    await expect(second.cancel).toBeVisible()
    await expect(second.log.locator('li', { hasText: 'ResourceNotFound.NoIdle' }).first()).toBeVisible()
    await saveStateScreenshot(secondPage, testInfo, '30-waiting')

    expect(stack.emulator.release(firstUserId)).toBe(true)
    await expect(second.status).toHaveAttribute('data-state', 'granted', { timeout: 45_000 })
    const secondUserId = (await second.userId.textContent()) ?? ''
    expect(stack.emulator.snapshot().projects['cap-demo']?.slots.map((slot) => slot.userId)).toEqual([secondUserId])
    await saveStateScreenshot(secondPage, testInfo, '31-granted-after-waiting')
  })

  test('with waiting off, a second user is told there is no idle instance', async ({ newContext, site, carkit, consoleGuard }, testInfo) => {
    const stack = await carkit({ capacity: 1 })
    consoleGuard.allow({ text: failedToLoadStatus(503, 'Service Unavailable'), url: `${stack.brokerUrl}/v1/apply-concurrent` })
    const url = demoUrl(site.url, stack.brokerUrl)

    const firstPage = await (await newContext()).newPage()
    await firstPage.goto(url)
    await demoPage(firstPage).apply.click()
    await expect(demoPage(firstPage).status).toHaveAttribute('data-state', 'granted')

    const secondPage = await (await newContext()).newPage()
    await secondPage.goto(url)
    const second = demoPage(secondPage)
    await expect(second.userId).toHaveText(USER_ID_PATTERN)
    await second.waitForIdle.uncheck()
    await second.apply.click()
    await expect(second.status).toHaveAttribute('data-state', 'failed')
    await expect(second.notice).toContainText('No idle instance right now.')
    await expect(second.notice).toContainText('Try again in a moment, or turn on waiting.')
    await expect(second.notice).toHaveAttribute('data-tone', 'error')
    await expect(second.log.locator('li', { hasText: 'error' }).first()).toContainText('ResourceNotFound.NoIdle')
    await expect(second.apply).toBeEnabled()
    await saveStateScreenshot(secondPage, testInfo, '32-no-idle')
  })

  test('Cancel stops waiting and says so', async ({ page, newContext, site, carkit, consoleGuard }) => {
    const stack = await carkit({ capacity: 1 })
    consoleGuard.allow({ text: failedToLoadStatus(503, 'Service Unavailable'), url: `${stack.brokerUrl}/v1/apply-concurrent` })
    const url = demoUrl(site.url, stack.brokerUrl)

    const firstPage = await (await newContext()).newPage()
    await firstPage.goto(url)
    await demoPage(firstPage).apply.click()
    await expect(demoPage(firstPage).status).toHaveAttribute('data-state', 'granted')

    await page.goto(url)
    const second = demoPage(page)
    await second.apply.click()
    await expect(second.status).toHaveAttribute('data-state', 'waiting')
    await second.cancel.click()
    await expect(second.notice).toContainText('Cancelled.')
    await expect(second.status).not.toHaveAttribute('data-state', 'waiting')
    await expect(second.apply).toBeEnabled()
  })
})

test('with ?storage=session each tab has its own UserId, so a third tab waits when 2 slots are taken', async ({ context, site, carkit, consoleGuard }) => {
  const stack = await carkit({ capacity: 2 })
  consoleGuard.allow({ text: failedToLoadStatus(503, 'Service Unavailable'), url: `${stack.brokerUrl}/v1/apply-concurrent` })
  const url = `${demoUrl(site.url, stack.brokerUrl)}&storage=session`

  const openTab = async () => {
    const tab = await context.newPage()
    await tab.goto(url)
    const demo = demoPage(tab)
    await expect(demo.userId).toHaveText(USER_ID_PATTERN)
    await expect(demo.storageNote).toContainText('sessionStorage')
    return demo
  }
  const first = await openTab()
  const second = await openTab()
  const third = await openTab()
  const ids = await Promise.all([first, second, third].map((demo) => demo.userId.textContent()))
  expect(new Set(ids).size).toBe(3)

  await first.apply.click()
  await expect(first.status).toHaveAttribute('data-state', 'granted')
  await second.apply.click()
  await expect(second.status).toHaveAttribute('data-state', 'granted')
  await third.apply.click()
  await expect(third.status).toHaveAttribute('data-state', 'waiting')
  await third.cancel.click()
  await expect(third.notice).toContainText('Cancelled.')
})
