// @ts-check

/**
 * A benchmark of a target that refuses every request measures nothing: sends one request and
 * throws, with the answer, when it is not a success.
 *
 * @param {string} label what the target is, for the message
 * @param {string} url the target's base URL
 * @param {import('./run-load.mjs').LoadRequest} request
 * @param {(status: number, body: string) => boolean} isSuccess
 * @returns {Promise<void>}
 * @example
 * await assertOneRequestSucceeds('carkit broker', broker.url, brokerApplyConcurrentRequests()(), isBrokerGrant)
 */
export async function assertOneRequestSucceeds(label, url, request, isSuccess) {
  const response = await fetch(new URL(request.path, url), { method: 'POST', headers: request.headers, body: request.body })
  const body = await response.text()
  if (!isSuccess(response.status, body)) {
    throw new Error(
      `${label} at ${url} did not answer a first ApplyConcurrent with success (HTTP ${response.status}: ${body.slice(0, 300)}). Fix that before benchmarking it.`,
    )
  }
}
