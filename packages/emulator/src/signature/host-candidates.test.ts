import { describe, expect, it } from 'vitest'
import { hostCandidates } from './host-candidates.js'

describe('hostCandidates', () => {
  it('offers the host with and without its port', () => {
    expect(hostCandidates('127.0.0.1:8788')).toEqual(['127.0.0.1:8788', '127.0.0.1'])
    expect(hostCandidates('car.intl.tencentcloudapi.com:443')).toEqual(['car.intl.tencentcloudapi.com:443', 'car.intl.tencentcloudapi.com'])
  })

  it('strips the port from a bracketed IPv6 host but leaves a bare IPv6 address alone', () => {
    expect(hostCandidates('[::1]:8788')).toEqual(['[::1]:8788', '[::1]'])
    expect(hostCandidates('::1')).toEqual(['::1'])
  })

  it('offers a host without a port as is', () => {
    expect(hostCandidates('car.tencentcloudapi.com')).toEqual(['car.tencentcloudapi.com'])
  })
})
