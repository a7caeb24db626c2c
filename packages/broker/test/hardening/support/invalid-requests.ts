import fc from 'fast-check'

/** A request the broker must refuse, with the statuses the contract allows for it. */
export interface InvalidRequest {
  /** Why it is invalid (for counting and for the failure report). */
  kind: string
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer
  /** Statuses the contract allows for this request. */
  statuses: number[]
}

/** The one origin the fuzzed broker allows (`CARKIT_ALLOWED_ORIGINS`). */
export const allowedOrigin = 'https://app.example.com'
/** The one project the fuzzed broker serves (`CARKIT_PROJECT_IDS`). */
export const allowedProject = 'cap-demo'

const route = '/v1/apply-concurrent'
const userIdRule = /^[A-Za-z0-9_-]{1,64}$/
const knownFields = new Set(['userId', 'projectId', 'applicationId', 'applicationVersionId'])
// Headers that change how HTTP itself frames or routes the request are left to the generator's own logic.
const framingHeaders = new Set(['content-length', 'transfer-encoding', 'host', 'connection', 'expect', 'upgrade', 'content-type', 'origin', 'te', 'trailer', 'keep-alive', 'proxy-connection', 'http2-settings'])

const printable = fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''))
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 300 }), printable)
const validUserId = fc.stringMatching(userIdRule)

const headerName = fc.oneof(
  fc.constantFrom('accept', 'accept-encoding', 'accept-language', 'authorization', 'cookie', 'user-agent', 'referer', 'x-forwarded-for', 'x-forwarded-proto', 'x-real-ip', 'x-request-id', 'content-encoding', 'access-control-request-method', 'access-control-request-headers', 'if-none-match', 'range'),
  fc.stringMatching(/^x-[a-z0-9-]{1,24}$/),
)
const headerValue = fc.oneof({ weight: 5, arbitrary: printable }, { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 9_000 }).map((n) => 'v'.repeat(n)) })
/** Random extra headers, at most ~12 KiB in all: under Node's 16 KiB header limit. */
const extraHeaders = fc.dictionary(headerName.filter((name) => !framingHeaders.has(name)), headerValue, { maxKeys: 6 }).map((headers) => {
  let total = 0
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => (total += value.length) <= 12_000))
})

const badOrigin = fc
  .oneof(
    fc.webUrl().map((url) => new URL(url).origin),
    fc.constantFrom('null', 'https://app.example.com.evil.test', 'http://app.example.com', 'https://app.example.com:8443', 'HTTPS://APP.EXAMPLE.COM', 'file://'),
    printable,
  )
  .filter((origin) => origin !== allowedOrigin && origin !== '')
const origin = fc.option(fc.oneof(fc.constant(allowedOrigin), badOrigin), { nil: undefined })

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))
const notAnObject = fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
const notJsonBytes = fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)).filter((bytes) => {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'))
    return typeof value !== 'object' || value === null || Array.isArray(value)
  } catch {
    return true
  }
})

interface BodyCase {
  kind: string
  body: Buffer
  statuses: number[]
}

/** JSON bodies that are wrong in a way the broker must refuse with a 4xx before signing. */
const badBodies: fc.Arbitrary<BodyCase> = fc.oneof(
  notJsonBytes.map((body) => ({ kind: 'bytes that are not a JSON object', body, statuses: [400] })),
  notAnObject.map((value) => ({ kind: 'JSON that is not an object', body: json(value), statuses: [400] })),
  fc
    .tuple(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), anyText.filter((key) => !knownFields.has(key)), fc.jsonValue({ maxDepth: 2 }))
    .map(([fields, key, value]) => ({ kind: 'object with an unknown field', body: json({ ...fields, [key]: value }), statuses: [400] })),
  fc.tuple(validUserId, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.jsonValue({ maxDepth: 2 })).map(([userId, key, value]) => ({
    kind: 'prototype-pollution key',
    // Written as text: an object literal cannot carry an own "__proto__" key through JSON.stringify.
    body: Buffer.from(`{"${key}":${JSON.stringify(value)},"userId":${JSON.stringify(userId)}}`),
    statuses: [400],
  })),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'string'), anyText.filter((text) => !userIdRule.test(text))).map((userId) => ({
    kind: 'userId of the wrong type or alphabet',
    body: json({ userId }),
    statuses: [400],
  })),
  fc
    .tuple(validUserId, fc.constantFrom('projectId', 'applicationId', 'applicationVersionId'), fc.oneof(anyText, fc.jsonValue({ maxDepth: 1 })))
    .filter(([, field, value]) => !(typeof value === 'string' && (field === 'projectId' ? value === allowedProject : new RegExp(`^${field === 'applicationId' ? 'app' : 'ver'}-[a-z0-9]{1,60}$`).test(value))))
    .map(([userId, field, value]) => ({ kind: 'bad or foreign project/application id', body: json({ userId, [field]: value }), statuses: field === 'projectId' ? [400, 403] : [400] })),
  fc.tuple(validUserId, fc.integer({ min: 4_097, max: 40_000 })).map(([userId, size]) => {
    const head = `{"userId":${JSON.stringify(userId)},"pad":"`
    return { kind: 'body over 4 KiB', body: Buffer.from(head + 'x'.repeat(Math.max(0, size - head.length - 2)) + '"}'), statuses: [413] }
  }),
)

const badContentType = fc
  .oneof(
    fc.constantFrom('', 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonx', 'json', 'text/json', 'application/ld+json'),
    printable,
  )
  // Random ones never start with application/json; the JSON-typed ones above carry a charset other than UTF-8.
  .filter((type) => type.startsWith('application/json; charset=') || type.split(';')[0]?.trim().toLowerCase() !== 'application/json')

const knownPaths = ['/healthz', route]
function reachesRoute(path: string): boolean {
  const pathname = (path.split('?')[0] ?? '').toLowerCase().replace(/\/+$/, '')
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // Undecodable stays as written.
  }
  return knownPaths.includes(pathname) || knownPaths.includes(decoded)
}
const unknownPath = fc
  .oneof(
    fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
    fc.constantFrom('/v1', '/v1/apply-concurrent/x', '/v1/apply-concurrent/..', '//v1/apply-concurrent', '/v1//apply-concurrent', '/v2/apply-concurrent', '/healthz/deep', '/%2e%2e/etc/passwd', '/v1/apply%2Dconcurrent%2F', '/index.html', '/.env'),
    fc.tuple(fc.constantFrom('/', '/v1/', '/healthz/', '/admin/'), fc.stringMatching(/^[A-Za-z0-9._~%!$&'()*+,;=:@-]{1,40}$/)).map(([a, b]) => a + b),
  )
  .filter((path) => !reachesRoute(path))

const wrongMethod = fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'COPY', 'MOVE', 'LOCK', 'MKCOL', 'SEARCH', 'PURGE', 'REPORT', 'QUERY')
const randomMethod = fc.stringMatching(/^[A-Za-z]{2,12}$/).filter((m) => !['HEAD', 'CONNECT', 'POST', 'OPTIONS', 'GET'].includes(m.toUpperCase()))
const anyBody = fc.oneof(badBodies.map((c) => c.body), validUserId.map((userId) => json({ userId })), fc.constant(Buffer.alloc(0)))

function build(kind: string, method: string, path: string, body: Buffer, statuses: number[], contentType: string | undefined, originHeader: string | undefined, extra: Record<string, string>): InvalidRequest {
  const headers: Record<string, string> = { ...extra }
  if (contentType !== undefined && contentType !== '') headers['content-type'] = contentType
  if (originHeader !== undefined) headers.origin = originHeader
  const refused = originHeader !== undefined && originHeader !== allowedOrigin
  return { kind, method, path, headers, body, statuses: refused ? [...statuses, 403] : statuses }
}

/**
 * Requests the broker must refuse with a 4xx JSON error and never sign: each is built broken in
 * at least one way (method, path, media type, body, Origin or header size), so no run can
 * produce a valid grant request.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(invalidRequest, async (r) => { … }), { numRuns: 2000 })
 * ```
 */
export const invalidRequest: fc.Arbitrary<InvalidRequest> = fc.oneof(
  // Seven kinds of bad body share this branch, so it weighs as much as seven others.
  { weight: 7, arbitrary: fc.tuple(badBodies, origin, extraHeaders).map(([c, o, h]) => build(c.kind, 'POST', route, c.body, c.statuses, 'application/json', o, h)) },
  fc.tuple(badContentType, anyBody, origin, extraHeaders).map(([type, body, o, h]) => build('not application/json', 'POST', route, body, [415], type, o, h)),
  fc.tuple(validUserId, badOrigin, extraHeaders).map(([userId, o, h]) => build('valid body, foreign Origin', 'POST', route, json({ userId }), [403], 'application/json', o, h)),
  fc.tuple(wrongMethod, fc.constantFrom(...knownPaths), anyBody, origin, extraHeaders)
    .filter(([method, path]) => !(method === 'GET' && path === '/healthz'))
    .map(([method, path, body, o, h]) => build('method the route does not serve', method, path, body, [405], 'application/json', o, h)),
  // Node's parser refuses methods it does not know (400); the ones it knows reach the router (404/405).
  fc.tuple(randomMethod, fc.constantFrom(...knownPaths, '/x'), anyBody, origin, extraHeaders).map(([method, path, body, o, h]) => build('random method', method, path, body, [400, 404, 405], 'application/json', o, h)),
  fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), unknownPath, anyBody, origin, extraHeaders).map(([method, path, body, o, h]) => build('unknown path', method, path, body, [404], 'application/json', o, h)),
  // Chunked: no Content-Length to refuse up front, so the limit must hold while reading.
  fc.tuple(validUserId, fc.integer({ min: 4_097, max: 20_000 }), origin).map(([userId, size, o]) =>
    build('chunked body over 4 KiB', 'POST', route, Buffer.from(`{"userId":${JSON.stringify(userId)},"pad":"${'y'.repeat(size)}"}`), [413], 'application/json', o, { 'transfer-encoding': 'chunked' }),
  ),
  fc.tuple(validUserId, fc.integer({ min: 17_000, max: 30_000 })).map(([userId, size]) => build('headers over 16 KiB', 'POST', route, json({ userId: `${userId}!` }), [431], 'application/json', undefined, { 'x-huge': 'h'.repeat(size) })),
)
