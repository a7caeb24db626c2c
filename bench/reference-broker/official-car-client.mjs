// @ts-check
import http from 'node:http'
import { createRequire } from 'node:module'
import net from 'node:net'

const require = createRequire(import.meta.url)

/**
 * @typedef {object} OfficialCarClient the slice of the official `CommonClient` the reference broker uses
 * @property {(action: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>} request
 */

/**
 * The official Tencent Cloud Node.js SDK's `CommonClient` for CAR (`car`, `2022-01-10`),
 * configured exactly as in production — endpoint `car.tencentcloudapi.com`, so it signs
 * service `car` and `Host: car.tencentcloudapi.com` — but sending over plain HTTP through a
 * keep-alive agent whose sockets dial the loopback emulator instead of Tencent.
 *
 * @param {{ upstreamUrl: string, secretId: string, secretKey: string, timeoutSec?: number }} options
 * @returns {{ client: OfficialCarClient, agent: http.Agent }}
 * @example
 * const { client } = createOfficialCarClient({ upstreamUrl: emu.url, ...emu.credentials })
 * await client.request('ApplyConcurrent', { UserId: 'u1', UserIp: '203.0.113.7', ProjectId: 'cap-demo' })
 */
export function createOfficialCarClient(options) {
  const upstream = new URL(options.upstreamUrl)
  const agent = new LoopbackAgent(upstream.hostname, Number(upstream.port), { keepAlive: true })
  /** @type {{ CommonClient: new (endpoint: string, version: string, config: object) => OfficialCarClient }} */
  const sdk = require('tencentcloud-sdk-nodejs-common')
  const client = new sdk.CommonClient('car.tencentcloudapi.com', '2022-01-10', {
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: options.timeoutSec ?? 20 } },
  })
  return { client, agent }
}

/** An http.Agent that sends every connection, whatever host it is for, to one loopback address. */
class LoopbackAgent extends http.Agent {
  /**
   * @param {string} host
   * @param {number} port
   * @param {http.AgentOptions} agentOptions
   */
  constructor(host, port, agentOptions) {
    super(agentOptions)
    this.loopbackHost = host
    this.loopbackPort = port
  }

  /** @override */
  createConnection() {
    return net.createConnection({ host: this.loopbackHost, port: this.loopbackPort })
  }
}
