// @ts-check
import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import http from 'node:http'

/**
 * Serves a blank page that loads the web SDK's IIFE build with `<script src>`, the way a page
 * without a bundler uses it, on its own origin (so calls to the broker are cross-origin, with
 * CORS, as in production).
 *
 * @param {{ iifePath: string }} options path of `dist/carkit.iife.js`
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 * @example
 * const page = await serveSdkPage({ iifePath: join(webSdkDir, 'dist/carkit.iife.js') })
 * await browserPage.goto(page.url)
 */
export async function serveSdkPage(options) {
  const script = readFileSync(options.iifePath)
  const html = '<!doctype html><html lang="en"><meta charset="utf-8"><title>carkit time-to-grant</title><script src="/carkit.iife.js"></script></html>'
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    } else if (req.url === '/carkit.iife.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script)
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
