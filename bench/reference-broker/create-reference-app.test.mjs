// @ts-check
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from '@carkit/emulator'
import { createOfficialCarClient } from './official-car-client.mjs'
import { createReferenceApp } from './create-reference-app.mjs'

/** @type {Array<() => Promise<void>>} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** @param {{ capacity: number }} options */
async function startReferenceBroker(options) {
  const emulator = await startEmulator({ capacity: options.capacity, projects: ['cap-bench'] })
  cleanups.push(() => emulator.close())
  const { client, agent } = createOfficialCarClient({ upstreamUrl: emulator.url, ...emulator.credentials })
  const server = createReferenceApp({ client, projectIds: ['cap-bench'] }).listen(0, '127.0.0.1')
  await once(server, 'listening')
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    agent.destroy()
  })
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return { emulator, url: `http://127.0.0.1:${port}` }
}

/** @param {string} url @param {unknown} body */
async function postApply(url, body) {
  const response = await fetch(`${url}/v1/apply-concurrent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, json: await response.json() }
}

describe('the reference broker (Express 5 + official CommonClient)', () => {
  it('grants quota through the emulator with a signature the emulator accepts', async () => {
    const { emulator, url } = await startReferenceBroker({ capacity: 2 })
    const answer = await postApply(url, { userId: 'bench-user-1' })
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ requestId: expect.any(String), userId: 'bench-user-1', projectId: 'cap-bench' })
    expect(emulator.calls.at(-1)).toMatchObject({
      action: 'ApplyConcurrent',
      code: 'OK',
      userId: 'bench-user-1',
      projectId: 'cap-bench',
      userIp: '127.0.0.1',
    })
  })

  it('passes NoIdle through as a retryable 503 when the project is full', async () => {
    const { url } = await startReferenceBroker({ capacity: 1 })
    expect((await postApply(url, { userId: 'first' })).status).toBe(200)
    const answer = await postApply(url, { userId: 'second' })
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('1')
    expect(answer.json).toEqual({ error: { code: 'ResourceNotFound.NoIdle', message: expect.any(String), retryable: true } })
  })

  it('rejects a missing userId and a project outside its list before calling upstream', async () => {
    const { emulator, url } = await startReferenceBroker({ capacity: 1 })
    expect((await postApply(url, {})).json.error.code).toBe('InvalidParameterValue')
    expect((await postApply(url, { userId: 'u', projectId: 'cap-other' })).status).toBe(403)
    expect(emulator.calls).toHaveLength(0)
  })

  it('answers a body that is not JSON with a JSON 400', async () => {
    const { url } = await startReferenceBroker({ capacity: 1 })
    const response = await fetch(`${url}/v1/apply-concurrent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('InvalidParameter.JsonParseError')
  })
})
