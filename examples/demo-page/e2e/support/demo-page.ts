import type { FrameLocator, Locator, Page } from '@playwright/test'

/** The parts of the demo page the tests read and press, found by role and label where possible. */
export interface DemoPage {
  userId: Locator
  persistedPill: Locator
  storageNote: Locator
  status: Locator
  notice: Locator
  apply: Locator
  cancel: Locator
  resetUserId: Locator
  waitForIdle: Locator
  log: Locator
}

/**
 * Locators for the demo page, in a page or inside a frame.
 *
 * @example
 * ```ts
 * const demo = demoPage(page)
 * await demo.apply.click()
 * await expect(demo.status).toHaveAttribute('data-state', 'granted')
 * ```
 */
export function demoPage(root: Page | FrameLocator): DemoPage {
  return {
    userId: root.getByLabel('UserId', { exact: true }),
    persistedPill: root.locator('#user-id-persisted'),
    storageNote: root.locator('#user-id-storage'),
    status: root.locator('#status'),
    notice: root.locator('#notice'),
    apply: root.getByRole('button', { name: 'Apply for quota' }),
    cancel: root.getByRole('button', { name: 'Cancel' }),
    resetUserId: root.getByRole('button', { name: 'Reset UserId' }),
    waitForIdle: root.getByRole('switch', { name: 'Wait for idle quota' }),
    log: root.getByRole('log'),
  }
}

/**
 * The demo page's URL on the test site, pointed at a broker with `?broker=`.
 *
 * @example
 * ```ts
 * await page.goto(demoUrl(site.url, stack.brokerUrl))
 * ```
 */
export function demoUrl(siteUrl: string, brokerUrl: string, path = '/'): string {
  return `${siteUrl}${path}?broker=${encodeURIComponent(brokerUrl)}`
}

/** A UserId as the SDK makes them: 21 characters of nanoid's URL-safe alphabet. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{21}$/
