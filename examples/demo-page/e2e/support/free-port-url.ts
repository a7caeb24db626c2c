import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * The URL of a loopback port that nothing listens on: a server takes a free port and closes
 * again, so a connection there is refused — a broker that is down.
 *
 * @example
 * ```ts
 * const brokerUrl = await freePortUrl() // 'http://127.0.0.1:40123'
 * ```
 */
export async function freePortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
