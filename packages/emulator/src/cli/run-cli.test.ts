import { describe, expect, it } from 'vitest'
import { callCar } from '../test-support/call-car.js'
import { runCli } from './run-cli.js'

describe('runCli', () => {
  it('starts the emulator from the environment and prints a URL and credentials that work', async () => {
    const lines: string[] = []
    const emulator = await runCli({ CARKIT_EMULATOR_PORT: '0', CARKIT_EMULATOR_CAPACITY: '1', CARKIT_EMULATOR_PROJECTS: 'cap-cli' }, (line) => lines.push(line))
    try {
      const output = lines.join('\n')
      const url = /listening at (http:\/\/\S+)/.exec(output)?.[1]
      const secretId = /SecretId:\s+(\S+)/.exec(output)?.[1]
      const secretKey = /SecretKey:\s+(\S+)/.exec(output)?.[1]
      expect(url).toBe(emulator.url)
      expect(output).toContain('cap-cli (capacity 1 each)')
      const answer = await callCar({
        url: url ?? '',
        credentials: { secretId: secretId ?? '', secretKey: secretKey ?? '' },
        action: 'ApplyConcurrent',
        body: { UserId: 'cli-user', UserIp: '203.0.113.7', ProjectId: 'cap-cli' },
      })
      expect(answer.response.Error).toBeUndefined()
    } finally {
      await emulator.close()
    }
  })

  it('fails with a message naming the variable for a bad value', async () => {
    await expect(runCli({ CARKIT_EMULATOR_CAPACITY: 'many' }, () => {})).rejects.toThrow('CARKIT_EMULATOR_CAPACITY')
  })
})
