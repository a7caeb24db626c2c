import { Agent } from 'node:http'
import { connect } from 'node:net'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index.js'
import type { Emulator } from './types.js'

interface SdkError extends Error {
  code?: string
  requestId?: string
}
interface CommonClientInstance {
  request(action: string, params: Record<string, unknown>): Promise<{ RequestId: string } & Record<string, unknown>>
}
type CommonClientClass = new (
  endpoint: string,
  version: string,
  options: { credential: { secretId: string; secretKey: string }; profile: { httpProfile: { protocol: string; agent: Agent; reqTimeout: number } } },
) => CommonClientInstance

const require = createRequire(import.meta.url)
const { CommonClient } = require('tencentcloud-sdk-nodejs-common') as { CommonClient: CommonClientClass }

/** An agent that sends every request for `car.tencentcloudapi.com` to the emulator's loopback port. */
function loopbackAgent(port: number): Agent {
  const agent = new Agent({ keepAlive: false })
  Object.assign(agent, { createConnection: () => connect(port, '127.0.0.1') })
  return agent
}

function officialClient(emu: Emulator, secretKey = emu.credentials.secretKey): CommonClientInstance {
  // Production endpoint and unmodified SDK: it signs service `car` and `Host: car.tencentcloudapi.com`.
  return new CommonClient('car.tencentcloudapi.com', '2022-01-10', {
    credential: { secretId: emu.credentials.secretId, secretKey },
    profile: { httpProfile: { protocol: 'http://', agent: loopbackAgent(Number(new URL(emu.url).port)), reqTimeout: 10 } },
  })
}

async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (error) {
    return error as SdkError
  }
  throw new Error('expected the official SDK call to fail')
}

const apply = (userId: string) => ({ UserId: userId, UserIp: '203.0.113.7', ProjectId: 'cap-demo' })

describe('the official tencentcloud-sdk-nodejs CommonClient against the emulator', () => {
  let emu: Emulator
  beforeEach(async () => {
    emu = await startEmulator({ capacity: 1 })
  })
  afterEach(async () => {
    await emu.close()
  })

  it('gets a RequestId for ApplyConcurrent, then ResourceNotFound.NoIdle once capacity is used', async () => {
    const client = officialClient(emu)
    const granted = await client.request('ApplyConcurrent', apply('sdk-user-1'))
    expect(granted.RequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

    const refused = await sdkError(client.request('ApplyConcurrent', apply('sdk-user-2')))
    expect(refused.code).toBe('ResourceNotFound.NoIdle')
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(emu.calls.map((call) => call.code)).toEqual(['OK', 'ResourceNotFound.NoIdle'])
  })

  it('gets AuthFailure.SignatureFailure when signing with a wrong SecretKey', async () => {
    const client = officialClient(emu, `${emu.credentials.secretKey}x`)
    const refused = await sdkError(client.request('ApplyConcurrent', apply('sdk-user-1')))
    expect(refused.code).toBe('AuthFailure.SignatureFailure')
    expect(emu.snapshot().projects['cap-demo']?.slots).toEqual([])
  })

  it('runs the whole CreateSession and DestroySession flow', async () => {
    const client = officialClient(emu)
    await client.request('ApplyConcurrent', apply('sdk-user-1'))
    const session = await client.request('CreateSession', { UserId: 'sdk-user-1', UserIp: '203.0.113.7', ClientSession: 'client-session' })
    expect(session.ServerSession).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
    await client.request('DestroySession', { UserId: 'sdk-user-1' })
    expect(emu.snapshot().projects['cap-demo']?.slots).toEqual([])
  })
})
