import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'

/**
 * Saves a full-page screenshot of a demo-page state as `test-results/demo-page-states/<name>.png`
 * (a test artifact, never committed), and attaches it to the test report.
 *
 * @example
 * ```ts
 * await saveStateScreenshot(page, testInfo, 'granted')
 * ```
 */
export async function saveStateScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(testInfo.project.outputDir, 'demo-page-states', `${name}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
