import { describe, expect, it } from 'vitest'
import { bannerLines } from './banner.js'
import { loadConfig } from './config/load-config.js'

describe('bannerLines', () => {
  it('says emulator mode and where the emulator listens when no credentials are set', () => {
    const text = bannerLines(loadConfig({}), 'http://127.0.0.1:8787', 'http://127.0.0.1:40001').join('\n')
    expect(text).toContain('emulator mode — no Tencent credentials set; using a local CAR emulator at http://127.0.0.1:40001')
    expect(text).toContain('http://localhost:*')
    expect(text).toContain('cap-demo')
  })

  it('names the upstream, projects and origins but never a secret', () => {
    const secretKey = 'banner-canary-secret-key-123'
    const config = loadConfig({ CARKIT_SECRET_ID: 'AKIDbannertest', CARKIT_SECRET_KEY: secretKey, CARKIT_SESSION_TOKEN: 'banner-canary-token-456', CARKIT_PROJECT_IDS: 'cap-a,cap-b' })
    const text = bannerLines(config, 'http://127.0.0.1:8787', undefined).join('\n')
    expect(text).toContain('Tencent Cloud at https://car.intl.tencentcloudapi.com')
    expect(text).toContain('cap-a, cap-b (default cap-a)')
    expect(text).toMatch(/allowed origins: none/)
    expect(text).not.toContain(secretKey)
    expect(text).not.toContain('banner-canary-token-456')
    expect(text).not.toContain('AKIDbannertest')
  })
})
