import { test as base, expect } from '@playwright/test'
import type { BrowserContext } from '@playwright/test'
import { startCarkitStack } from './carkit-stack.ts'
import type { CarkitStack, CarkitStackOptions } from './carkit-stack.ts'
import { unexpectedProblems } from './console-guard.ts'
import type { BrowserProblem, ExpectedConsoleError } from './console-guard.ts'
import { demoDistDir, testPagesDir, webSdkDependencyDir, webSdkDistDir } from './paths.ts'
import { startStaticServer } from './static-server.ts'

/** Collects console errors and uncaught errors of every page of the contexts it watches. */
export interface ConsoleGuard {
  /** Starts listening to a browser context (the default one is watched already). */
  watch(context: BrowserContext): void
  /** Allows one precise console error (full text and URL) for the rest of the test. */
  allow(expected: ExpectedConsoleError): void
  /** What the guard has seen so far. */
  readonly seen: readonly BrowserProblem[]
}

export interface Site {
  /** `http://127.0.0.1:<port>`: the built demo page at `/`, the script-tag page at `/script-tag.html`,
   * test pages at `/e2e/`, the SDK's dist at `/sdk/`, ky and nanoid at `/vendor/`. */
  url: string
}

interface TestFixtures {
  consoleGuard: ConsoleGuard
  /** Opens another browser context, watched by the console guard and closed after the test. */
  newContext: () => Promise<BrowserContext>
  /** Starts an emulator + broker that allow the site's origin; closed after the test. */
  carkit: (options?: Partial<CarkitStackOptions>) => Promise<CarkitStack>
}

interface WorkerFixtures {
  site: Site
}

/**
 * The suite's `test`: every test fails when a page logs `console.error` or throws uncaught,
 * except for console errors the test allowed precisely with `consoleGuard.allow()`.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer({
        '/': demoDistDir,
        '/e2e/': testPagesDir,
        '/sdk/': webSdkDistDir,
        '/vendor/ky/': webSdkDependencyDir('ky'),
        '/vendor/nanoid/': webSdkDependencyDir('nanoid'),
      })
      await use({ url: server.url })
      await server.close()
    },
    { scope: 'worker' },
  ],

  consoleGuard: [
    async ({}, use) => {
      const seen: BrowserProblem[] = []
      const allowed: ExpectedConsoleError[] = []
      const guard: ConsoleGuard = {
        seen,
        watch(context) {
          context.on('console', (message) => {
            if (message.type() === 'error') {
              seen.push({ kind: 'console.error', text: message.text(), url: message.location().url })
            }
          })
          context.on('weberror', (webError) => {
            const error = webError.error()
            seen.push({ kind: 'pageerror', text: error.stack ?? String(error), url: webError.page()?.url() ?? '' })
          })
        },
        allow(expected) {
          allowed.push(expected)
        },
      }
      await use(guard)
      const unexpected = unexpectedProblems(seen, allowed)
      expect(unexpected, 'the browser logged console errors or threw uncaught errors').toEqual([])
    },
    { auto: true },
  ],

  context: async ({ context, consoleGuard }, use) => {
    consoleGuard.watch(context)
    await use(context)
  },

  newContext: async ({ browser, consoleGuard }, use) => {
    const opened: BrowserContext[] = []
    await use(async () => {
      const context = await browser.newContext()
      consoleGuard.watch(context)
      opened.push(context)
      return context
    })
    await Promise.all(opened.map((context) => context.close()))
  },

  carkit: async ({ site }, use) => {
    const stacks: CarkitStack[] = []
    await use(async (options) => {
      const stack = await startCarkitStack({ allowedOrigins: [site.url], ...options })
      stacks.push(stack)
      return stack
    })
    await Promise.all(stacks.map((stack) => stack.close()))
  },
})

export { expect }
