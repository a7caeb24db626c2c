import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BrokerConfigError } from './broker-config-error.js'
import { loadConfig } from './load-config.js'

const creds = { CARKIT_SECRET_ID: 'AKIDexampleexample', CARKIT_SECRET_KEY: 'canary-secret-key-0123456789', CARKIT_PROJECT_IDS: 'cap-abc' }

function configError(env: Record<string, string | undefined>): BrokerConfigError {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof BrokerConfigError) return err
    throw err
  }
  throw new Error('loadConfig accepted the environment')
}

describe('loadConfig defaults', () => {
  it('is in emulator mode with loopback origins and cap-demo when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      upstream: 'emulator',
      credentials: undefined,
      endpoint: undefined,
      projectIds: ['cap-demo'],
      trustProxy: false,
      rateLimit: { limit: 30, windowMs: 60_000 },
      upstreamRps: 100,
      host: '127.0.0.1',
      port: 8787,
      emulatorCapacity: 2,
    })
    expect(config.allowedOrigins.anyPort).toContain('http://localhost')
    expect(config.allowedOrigins.any).toBe(false)
    expect(config.allowedOrigins.allowNull).toBe(false)
  })

  it('uses the international endpoint and no browser origins with credentials', () => {
    const config = loadConfig(creds)
    expect(config.upstream).toBe('tencent')
    expect(config.endpoint).toBe('https://car.intl.tencentcloudapi.com')
    expect(config.allowedOrigins).toEqual({ any: false, exact: [], anyPort: [], allowNull: false })
    expect(config.credentials?.secretKey).toBe(creds.CARKIT_SECRET_KEY)
  })

  it('reads the TENCENTCLOUD_* credential names too', () => {
    const config = loadConfig({ TENCENTCLOUD_SECRET_ID: 'AKIDother', TENCENTCLOUD_SECRET_KEY: 'other-key-0123', CARKIT_PROJECT_IDS: 'cap-a' })
    expect(config.credentials?.secretId).toBe('AKIDother')
  })
})

describe('loadConfig parses every variable', () => {
  it('reads all values', () => {
    const config = loadConfig({
      ...creds,
      CARKIT_SESSION_TOKEN: 'sts-token-value',
      CARKIT_ENDPOINT: 'https://car.tencentcloudapi.com',
      CARKIT_REGION: 'ap-guangzhou',
      CARKIT_PROJECT_IDS: 'cap-one, cap-two,cap-one',
      CARKIT_ALLOWED_ORIGINS: 'https://a.example, http://localhost:*, null',
      CARKIT_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      CARKIT_RATE_LIMIT: '5/sec',
      CARKIT_UPSTREAM_RPS: '50',
      CARKIT_HOST: '0.0.0.0',
      CARKIT_PORT: '0',
      CARKIT_EMULATOR_CAPACITY: '7',
      CARKIT_LOG_LEVEL: 'warn',
    })
    expect(config).toMatchObject({
      endpoint: 'https://car.tencentcloudapi.com',
      region: 'ap-guangzhou',
      projectIds: ['cap-one', 'cap-two'],
      allowedOrigins: { any: false, exact: ['https://a.example'], anyPort: ['http://localhost'], allowNull: true },
      trustProxy: ['loopback', '10.0.0.0/8'],
      rateLimit: { limit: 5, windowMs: 1000 },
      upstreamRps: 50,
      host: '0.0.0.0',
      port: 0,
      emulatorCapacity: 7,
      logLevel: 'warn',
    })
    expect(config.credentials?.sessionToken).toBe('sts-token-value')
  })

  it('parses CARKIT_TRUST_PROXY like Express: booleans and hop counts', () => {
    expect(loadConfig({ CARKIT_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ CARKIT_TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadConfig({ CARKIT_TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ CARKIT_TRUST_PROXY: '::1, fd00::/8' }).trustProxy).toEqual(['::1', 'fd00::/8'])
  })

  it('allows plain http only for a loopback endpoint', () => {
    expect(loadConfig({ ...creds, CARKIT_ENDPOINT: 'http://127.0.0.1:9000' }).endpoint).toBe('http://127.0.0.1:9000')
    expect(loadConfig({ ...creds, CARKIT_ENDPOINT: 'http://localhost:9000/' }).endpoint).toBe('http://localhost:9000')
  })
})

describe('loadConfig rejects bad values with one line naming the variable', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['CARKIT_SECRET_KEY', { CARKIT_SECRET_ID: 'AKIDx' }],
    ['CARKIT_SECRET_ID', { CARKIT_SECRET_KEY: 'some-key' }],
    ['TENCENTCLOUD_SECRET_KEY', { TENCENTCLOUD_SECRET_ID: 'AKIDx' }],
    ['CARKIT_SECRET_KEY', { ...creds, CARKIT_SECRET_KEY: ' padded-key ' }],
    ['CARKIT_SECRET_ID', { ...creds, CARKIT_SECRET_ID: 'AKID\tx' }],
    ['CARKIT_SESSION_TOKEN', { CARKIT_SESSION_TOKEN: 'token-without-keys' }],
    ['CARKIT_PROJECT_IDS', { CARKIT_SECRET_ID: 'AKIDx', CARKIT_SECRET_KEY: 'some-key' }],
    ['CARKIT_PROJECT_IDS', { ...creds, CARKIT_PROJECT_IDS: 'cap-ok,project-2' }],
    ['CARKIT_PROJECT_IDS', { CARKIT_PROJECT_IDS: ' , ' }],
    ['CARKIT_ENDPOINT', { ...creds, CARKIT_ENDPOINT: 'http://car.tencentcloudapi.com' }],
    ['CARKIT_ENDPOINT', { ...creds, CARKIT_ENDPOINT: 'https://car.tencentcloudapi.com/v1' }],
    ['CARKIT_ENDPOINT', { ...creds, CARKIT_ENDPOINT: 'not a url' }],
    ['CARKIT_ENDPOINT', { CARKIT_ENDPOINT: 'https://car.tencentcloudapi.com' }],
    ['CARKIT_REGION', { CARKIT_REGION: 'Guangzhou' }],
    ['CARKIT_ALLOWED_ORIGINS', { CARKIT_ALLOWED_ORIGINS: 'https://a.example/path' }],
    ['CARKIT_ALLOWED_ORIGINS', { CARKIT_ALLOWED_ORIGINS: 'ftp://a.example' }],
    ['CARKIT_ALLOWED_ORIGINS', { CARKIT_ALLOWED_ORIGINS: 'app.example.com' }],
    ['CARKIT_ALLOWED_ORIGINS', { CARKIT_ALLOWED_ORIGINS: ',' }],
    ['CARKIT_TRUST_PROXY', { CARKIT_TRUST_PROXY: 'yes' }],
    ['CARKIT_TRUST_PROXY', { CARKIT_TRUST_PROXY: '10.0.0.0/99' }],
    ['CARKIT_RATE_LIMIT', { CARKIT_RATE_LIMIT: '30' }],
    ['CARKIT_RATE_LIMIT', { CARKIT_RATE_LIMIT: '0/min' }],
    ['CARKIT_RATE_LIMIT', { CARKIT_RATE_LIMIT: '10/day' }],
    ['CARKIT_UPSTREAM_RPS', { CARKIT_UPSTREAM_RPS: '0' }],
    ['CARKIT_UPSTREAM_RPS', { CARKIT_UPSTREAM_RPS: '1.5' }],
    ['CARKIT_HOST', { CARKIT_HOST: 'bad host' }],
    ['CARKIT_PORT', { CARKIT_PORT: '65536' }],
    ['CARKIT_PORT', { CARKIT_PORT: 'http' }],
    ['CARKIT_EMULATOR_CAPACITY', { CARKIT_EMULATOR_CAPACITY: '-1' }],
    ['CARKIT_LOG_LEVEL', { CARKIT_LOG_LEVEL: 'debug' }],
  ]
  for (const [variable, env] of cases) {
    it(`names ${variable} for ${JSON.stringify(env).slice(0, 90)}`, () => {
      const err = configError(env)
      expect(err.variable).toBe(variable)
      expect(err.message.startsWith(`${variable}: `)).toBe(true)
      expect(err.message).not.toMatch(/[\r\n]/)
      for (const value of Object.values(env)) if (/key|token/i.test(value)) expect(err.message).not.toContain(value.trim())
    })
  }
})

describe('secrets in the config', () => {
  it('never shows the SecretKey or token through JSON, util.inspect or spreading', () => {
    const config = loadConfig({ ...creds, CARKIT_SESSION_TOKEN: 'canary-session-token-xyz' })
    const views = [JSON.stringify(config), inspect(config, { depth: 10, showHidden: true }), JSON.stringify({ ...config.credentials }), String(config.credentials)]
    for (const view of views) {
      expect(view).not.toContain(creds.CARKIT_SECRET_KEY)
      expect(view).not.toContain('canary-session-token-xyz')
    }
    expect(JSON.stringify(config)).toContain('[REDACTED]')
  })
})
