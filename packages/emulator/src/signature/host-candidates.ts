/**
 * The `Host` values a client may have signed: the header as received and, when it carries a port,
 * the host without it — the official `tencentcloud-sdk-nodejs` signs `URL.hostname`, while an HTTP
 * client sends the port whenever it is not the default.
 *
 * @example
 * hostCandidates('127.0.0.1:8788')  // ['127.0.0.1:8788', '127.0.0.1']
 * hostCandidates('[::1]:8788')      // ['[::1]:8788', '[::1]']
 * hostCandidates('car.tencentcloudapi.com') // ['car.tencentcloudapi.com']
 */
export function hostCandidates(host: string): string[] {
  const withoutPort = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(host)?.[1]
  return withoutPort === undefined || withoutPort === host ? [host] : [host, withoutPort]
}
