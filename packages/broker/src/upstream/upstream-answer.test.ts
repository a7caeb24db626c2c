import { describe, expect, it } from 'vitest'
import { parseUpstreamAnswer } from './upstream-answer.js'

describe('parseUpstreamAnswer', () => {
  it('reads a success with its RequestId', () => {
    expect(parseUpstreamAnswer('{"Response":{"RequestId":"r1"}}', 'Thu, 01 Jan 2026 00:00:00 GMT')).toEqual({
      ok: true,
      requestId: 'r1',
      fields: { RequestId: 'r1' },
      date: 'Thu, 01 Jan 2026 00:00:00 GMT',
    })
  })

  it('reads an error code, message and RequestId', () => {
    const answer = parseUpstreamAnswer('{"Response":{"Error":{"Code":"ResourceNotFound.NoIdle","Message":"none"},"RequestId":"r2"}}', undefined)
    expect(answer).toEqual({ ok: false, code: 'ResourceNotFound.NoIdle', message: 'none', requestId: 'r2', date: undefined })
  })

  it('turns HTML, truncated JSON and wrong shapes into Broker.UpstreamUnavailable', () => {
    for (const text of ['<html>502</html>', '{"Response":{"RequestId":"r', '', '[]', 'null', '{"Response":{}}', '{"Response":{"Error":{}}}']) {
      expect(() => parseUpstreamAnswer(text, undefined)).toThrow(expect.objectContaining({ code: 'Broker.UpstreamUnavailable', status: 502, retryable: true }))
    }
  })
})
