import { describe, expect, it } from 'vitest'
import { readCliConfig } from './read-cli-config.js'

describe('readCliConfig', () => {
  it('uses 127.0.0.1:8788, capacity 2 and cap-demo when nothing is set', () => {
    expect(readCliConfig({})).toEqual({ host: '127.0.0.1', port: 8788, capacity: 2, projects: ['cap-demo'] })
  })

  it('reads every variable, trimming the project list', () => {
    const env = { CARKIT_EMULATOR_HOST: '0.0.0.0', CARKIT_EMULATOR_PORT: '0', CARKIT_EMULATOR_CAPACITY: '5', CARKIT_EMULATOR_PROJECTS: 'cap-a, cap-b,' }
    expect(readCliConfig(env)).toEqual({ host: '0.0.0.0', port: 0, capacity: 5, projects: ['cap-a', 'cap-b'] })
  })

  it('names the variable when a value is bad', () => {
    expect(() => readCliConfig({ CARKIT_EMULATOR_PORT: '80a' })).toThrow('CARKIT_EMULATOR_PORT')
    expect(() => readCliConfig({ CARKIT_EMULATOR_PORT: '70000' })).toThrow('CARKIT_EMULATOR_PORT')
    expect(() => readCliConfig({ CARKIT_EMULATOR_CAPACITY: '-1' })).toThrow('CARKIT_EMULATOR_CAPACITY')
    expect(() => readCliConfig({ CARKIT_EMULATOR_PROJECTS: ' , ' })).toThrow('CARKIT_EMULATOR_PROJECTS')
  })
})
