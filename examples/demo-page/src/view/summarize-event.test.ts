import { expect, test } from '@playwright/test'
import type { CarError } from '@carkit/web-sdk'
import { formatSeconds } from './format-seconds.ts'
import { summarizeEvent } from './summarize-event.ts'

const noIdle = { code: 'ResourceNotFound.NoIdle', message: 'No idle instance.', status: 503, retryable: true } as unknown as CarError

test.describe('event log lines', () => {
  test('formats durations with one decimal under ten seconds and whole seconds above', () => {
    expect(formatSeconds(0)).toBe('0.0 s')
    expect(formatSeconds(1234)).toBe('1.2 s')
    expect(formatSeconds(42_600)).toBe('43 s')
    expect(formatSeconds(-5)).toBe('0.0 s')
  })

  test('summarizes each event in a few words', () => {
    expect(summarizeEvent('statechange', { state: 'waiting', previous: 'requesting' })).toBe('requesting → waiting')
    expect(summarizeEvent('userid', { userId: 'V1StGXR8_Z5jdHi6B-myT', source: 'created', storage: 'memory', persisted: false })).toBe(
      'V1StGXR8_Z5jdHi6B-myT · created · memory (not persisted)',
    )
    expect(summarizeEvent('waiting', { attempt: 2, delayMs: 4_500, waitedMs: 12_000, error: noIdle })).toBe(
      'ResourceNotFound.NoIdle; next try in 4.5 s, waited 12 s',
    )
    expect(summarizeEvent('error', noIdle)).toBe('ResourceNotFound.NoIdle (HTTP 503): No idle instance.')
    expect(summarizeEvent('granted', { requestId: 'r-1', userId: 'u', projectId: 'cap-demo' })).toBe('request r-1 · cap-demo')
  })

  test('cuts very long lines', () => {
    const long = { ...noIdle, message: 'x'.repeat(400) } as unknown as CarError
    const line = summarizeEvent('error', long)
    expect(line).toHaveLength(160)
    expect(line.endsWith('…')).toBe(true)
  })
})
