/** A console error or uncaught page error seen in the browser. */
export interface BrowserProblem {
  kind: 'console.error' | 'pageerror'
  text: string
  /** For console messages: the URL the message is about (for "Failed to load resource", the resource). */
  url: string
}

/** A console error a test expects; both parts must match exactly. */
export interface ExpectedConsoleError {
  /** The whole message text, or a pattern that must match the whole text. */
  text: string | RegExp
  /** The exact URL the message is attributed to. */
  url: string
}

function matches(problem: BrowserProblem, expected: ExpectedConsoleError): boolean {
  if (problem.kind !== 'console.error' || problem.url !== expected.url) return false
  if (typeof expected.text === 'string') return problem.text === expected.text
  const match = expected.text.exec(problem.text)
  return match !== null && match.index === 0 && match[0] === problem.text
}

/**
 * The problems no expectation covers. Uncaught page errors are never allowed; a console error is
 * allowed only when one expectation matches both its full text and its URL.
 *
 * @example
 * ```ts
 * unexpectedProblems(seen, [{ text: 'Failed to load resource: net::ERR_CONNECTION_REFUSED', url: `${broker}/v1/apply-concurrent` }])
 * ```
 */
export function unexpectedProblems(
  seen: readonly BrowserProblem[],
  allowed: readonly ExpectedConsoleError[],
): BrowserProblem[] {
  return seen.filter((problem) => !allowed.some((expected) => matches(problem, expected)))
}

/**
 * Chromium's console text for a fetch answered with this HTTP status.
 *
 * @example
 * ```ts
 * failedToLoadStatus(503, 'Service Unavailable')
 * // 'Failed to load resource: the server responded with a status of 503 (Service Unavailable)'
 * ```
 */
export function failedToLoadStatus(status: number, statusText: string): string {
  return `Failed to load resource: the server responded with a status of ${status} (${statusText})`
}

/** Chromium's console text for a fetch whose connection was refused. */
export const FAILED_TO_LOAD_REFUSED = 'Failed to load resource: net::ERR_CONNECTION_REFUSED'
