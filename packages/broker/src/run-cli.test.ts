import { describe, expect, it } from 'vitest'
import { runCli, type CliProcess } from './run-cli.js'

function fakeProcess(env: Record<string, string>): CliProcess & { out: string; err: string; exits: number[]; signal(name: 'SIGTERM' | 'SIGINT'): void; exited: Promise<number> } {
  const handlers = new Map<string, () => void>()
  let resolveExit!: (code: number) => void
  const exited = new Promise<number>((resolve) => (resolveExit = resolve))
  const proc = {
    env,
    out: '',
    err: '',
    exits: [] as number[],
    exited,
    stdout: (text: string) => void (proc.out += text),
    stderr: (text: string) => void (proc.err += text),
    exit: (code: number) => {
      proc.exits.push(code)
      resolveExit(code)
    },
    onSignal: (signal: string, handler: () => void) => void handlers.set(signal, handler),
    signal: (name: string) => handlers.get(name)?.(),
  }
  return proc
}

describe('carkit-broker CLI', () => {
  it('prints one line naming the bad variable and exits 1', async () => {
    const proc = fakeProcess({ CARKIT_PORT: 'eighty' })
    expect(await runCli(proc)).toBeUndefined()
    expect(proc.exits).toEqual([1])
    expect(proc.err).toBe('carkit-broker: CARKIT_PORT: must be a whole number from 0 to 65535, got "eighty"\n')
  })

  it('starts in emulator mode with a banner, serves, and exits 0 on SIGTERM after finishing', async () => {
    const proc = fakeProcess({ CARKIT_PORT: '0' })
    const broker = await runCli(proc)
    expect(broker?.upstream).toBe('emulator')
    expect(proc.out).toContain('emulator mode — no Tencent credentials set; using a local CAR emulator at http://127.0.0.1:')
    const inFlight = fetch(`${broker?.url}/v1/apply-concurrent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"cli1"}' })
    const res = await inFlight
    proc.signal('SIGTERM')
    expect(res.status).toBe(200)
    expect(await proc.exited).toBe(0)
    await expect(fetch(`${broker?.url}/healthz`)).rejects.toThrow()
  })

  it('exits 1 at once on a second signal', async () => {
    const proc = fakeProcess({ CARKIT_PORT: '0' })
    const broker = await runCli(proc)
    proc.signal('SIGINT')
    proc.signal('SIGINT')
    expect(proc.exits[0]).toBe(1)
    await broker?.close()
  })

  it('never starts the emulator and never prints the key when credentials are set', async () => {
    const proc = fakeProcess({ CARKIT_PORT: '0', CARKIT_SECRET_ID: 'AKIDclitest', CARKIT_SECRET_KEY: 'cli-canary-secret-key-99', CARKIT_PROJECT_IDS: 'cap-x' })
    const broker = await runCli(proc)
    expect(broker?.emulator).toBeUndefined()
    expect(proc.out).toContain('upstream: Tencent Cloud at https://car.intl.tencentcloudapi.com')
    expect(proc.out + proc.err).not.toContain('cli-canary-secret-key-99')
    await broker?.close()
  })
})
