import { FAILED_TO_LOAD_REFUSED, unexpectedProblems } from './support/console-guard.ts'
import type { BrowserProblem } from './support/console-guard.ts'
import { expect, test } from './support/fixtures.ts'
import { freePortUrl } from './support/free-port-url.ts'

const refused = (url: string): BrowserProblem => ({ kind: 'console.error', text: FAILED_TO_LOAD_REFUSED, url })

test.describe('the console guard', () => {
  test('allows a console error only when both its full text and its URL match', () => {
    const seen = [refused('http://127.0.0.1:1/v1/apply-concurrent'), refused('http://127.0.0.1:2/v1/apply-concurrent')]
    expect(unexpectedProblems(seen, [{ text: FAILED_TO_LOAD_REFUSED, url: 'http://127.0.0.1:1/v1/apply-concurrent' }])).toEqual([seen[1]])
    expect(unexpectedProblems(seen, [{ text: 'Failed to load resource', url: 'http://127.0.0.1:1/v1/apply-concurrent' }])).toEqual(seen)
    expect(unexpectedProblems(seen, [{ text: /Failed to load/, url: 'http://127.0.0.1:2/v1/apply-concurrent' }])).toEqual(seen)
    expect(unexpectedProblems(seen, [{ text: /Failed to load resource: .*/, url: 'http://127.0.0.1:2/v1/apply-concurrent' }])).toEqual([seen[0]])
  })

  test('never allows an uncaught page error', () => {
    const uncaught: BrowserProblem = { kind: 'pageerror', text: FAILED_TO_LOAD_REFUSED, url: 'http://x/' }
    expect(unexpectedProblems([uncaught], [{ text: FAILED_TO_LOAD_REFUSED, url: 'http://x/' }])).toEqual([uncaught])
  })

  // The next three tests are expected to FAIL: the guard must turn each problem into a failure.
  test('fails a test whose page calls console.error (marked test.fail: the guard must fail it)', async ({ page, site }) => {
    test.fail()
    await page.goto(`${site.url}/e2e/blank.html`)
    await page.evaluate(() => console.error('something broke'))
  })

  test('fails a test whose page throws an uncaught error (marked test.fail: the guard must fail it)', async ({ page, site }) => {
    test.fail()
    await page.goto(`${site.url}/e2e/blank.html`)
    await page.evaluate(() => new Promise((resolve) => {
      setTimeout(() => { throw new Error('uncaught on purpose') })
      setTimeout(resolve, 100)
    }))
    await page.evaluate(() => 0)
  })

  test('fails a test when a refused connection goes to a URL other than the allowed one (marked test.fail: the guard must fail it)', async ({ page, site, consoleGuard }) => {
    test.fail()
    const allowed = await freePortUrl()
    const other = await freePortUrl()
    consoleGuard.allow({ text: FAILED_TO_LOAD_REFUSED, url: `${allowed}/v1/apply-concurrent` })
    await page.goto(`${site.url}/e2e/blank.html`)
    await page.evaluate((url) => fetch(url).catch(() => undefined), `${other}/v1/apply-concurrent`)
    await page.evaluate(() => 0)
  })
})
