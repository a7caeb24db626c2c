import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  close(): Promise<void>
}

/**
 * A plain static file server on 127.0.0.1 and a free port: each URL prefix maps to a folder
 * (longest prefix wins; a path ending in `/` serves its `index.html`). Every answer carries
 * `Access-Control-Allow-Origin: *`, because a sandboxed frame (origin `null`) loads module
 * scripts in CORS mode.
 *
 * @example
 * ```ts
 * const site = await startStaticServer({ '/': demoDist, '/sdk/': sdkDist })
 * await page.goto(`${site.url}/index.html`)
 * ```
 */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length)

  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Cache-Control', 'no-store')
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://static').pathname)
    const prefix = prefixes.find((candidate) => pathname.startsWith(candidate))
    const root = prefix === undefined ? undefined : mounts[prefix]
    if (req.method !== 'GET' || prefix === undefined || root === undefined) {
      res.writeHead(req.method === 'GET' ? 404 : 405).end()
      return
    }
    let file = normalize(join(root, pathname.slice(prefix.length)))
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end()
      return
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      await stat(file)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${pathname}`)
      return
    }
    res.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
