// @vitest-environment node
import { describe, expect, it } from 'vitest'

describe('@carkit/web-sdk under SSR (no window)', () => {
  it('imports and creates a working client with the id kept in memory', async () => {
    expect(typeof window).toBe('undefined')
    const { createCarClient } = await import('./index.js')
    const car = createCarClient({ brokerUrl: 'https://app.example.com/car' })
    const first = await new Promise((resolve) => car.once('userid', resolve))
    expect(first).toMatchObject({ userId: car.userId, source: 'created', storage: 'memory', persisted: false })
    car.destroy()
  })
})
