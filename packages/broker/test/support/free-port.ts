import net from 'node:net'

/**
 * A loopback port nothing listens on: bound on 127.0.0.1 port 0, then released. Stands in for an upstream that is down.
 *
 * @example
 * const broker = await startBrokerAt(`http://127.0.0.1:${await freePort()}`, credentials)
 */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
