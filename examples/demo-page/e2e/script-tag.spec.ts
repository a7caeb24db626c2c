import { expect, test } from './support/fixtures.ts'
import { FAILED_TO_LOAD_REFUSED } from './support/console-guard.ts'
import { freePortUrl } from './support/free-port-url.ts'
import { USER_ID_PATTERN } from './support/demo-page.ts'
import { saveStateScreenshot } from './support/state-screenshot.ts'

test('the script-tag page defines window.CarKit and receives a grant', async ({ page, site, carkit }, testInfo) => {
  const stack = await carkit()
  await page.goto(`${site.url}/script-tag.html?broker=${encodeURIComponent(stack.brokerUrl)}`)

  const global = await page.evaluate(() => {
    const carKit = (window as unknown as { CarKit?: Record<string, unknown> }).CarKit
    return carKit && {
      createCarClient: typeof carKit.createCarClient,
      CarError: typeof carKit.CarError,
      isCarError: typeof carKit.isCarError,
      version: carKit.version,
    }
  })
  expect(global).toEqual({ createCarClient: 'function', CarError: 'function', isCarError: 'function', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })

  const result = page.locator('#result')
  await expect(result).toHaveAttribute('data-state', 'granted')
  await expect(result).toContainText('project cap-demo')
  const userId = await page.locator('#user-id').textContent()
  expect(userId).toMatch(USER_ID_PATTERN)
  expect(stack.emulator.snapshot().projects['cap-demo']?.slots.map((slot) => slot.userId)).toEqual([userId])
  await saveStateScreenshot(page, testInfo, '10-script-tag-granted')
})

test('the script-tag page reports a CarError when the broker is down', async ({ page, site, consoleGuard }) => {
  const brokerUrl = await freePortUrl()
  consoleGuard.allow({ text: FAILED_TO_LOAD_REFUSED, url: `${brokerUrl}/v1/apply-concurrent` })
  await page.goto(`${site.url}/script-tag.html?broker=${encodeURIComponent(brokerUrl)}`)

  await expect(page.locator('#result')).toHaveAttribute('data-state', 'failed', { timeout: 45_000 })
  await expect(page.locator('#result')).toContainText('Client.NetworkError')
  const isCarError = await page.evaluate(() => {
    const { CarKit } = window as unknown as { CarKit: { isCarError(value: unknown): boolean; CarError: new (code: string, message: string) => Error } }
    return CarKit.isCarError(new CarKit.CarError('Client.Aborted', 'x')) && !CarKit.isCarError(new Error('x'))
  })
  expect(isCarError).toBe(true)
})
