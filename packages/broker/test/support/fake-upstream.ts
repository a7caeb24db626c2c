import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback HTTP server that answers every request with `handler`, standing in for a misbehaving upstream. */
export interface FakeUpstream {
  url: string
  requests: number
  close(): Promise<void>
}

/** Starts a fake upstream on 127.0.0.1 port 0. */
export async function startFakeUpstream(handler: http.RequestListener): Promise<FakeUpstream> {
  const state = { requests: 0 }
  const server = http.createServer((req, res) => {
    state.requests += 1
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
