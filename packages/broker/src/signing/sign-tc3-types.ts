/**
 * The headers covered by a TC3-HMAC-SHA256 signature, as written in the
 * `SignedHeaders=` part of the Authorization header.
 *
 * `'content-type;host'` is what the official Tencent Cloud SDKs sign;
 * `'content-type;host;x-tc-action'` also binds the action name to the signature.
 */
export type SignedHeaderSet = 'content-type;host' | 'content-type;host;x-tc-action'

/** What {@link signTc3} needs to sign one Tencent Cloud API 3.0 `POST /` request. */
export interface SignTc3Input {
  /** The API SecretId (`AKID…`). It appears in the Authorization header. */
  secretId: string
  /** The API SecretKey. Used only to derive the signing key; never returned or put in an error. */
  secretKey: string
  /**
   * The `Host` header the request is sent with: a host name with an optional `:port`,
   * no scheme and no path, e.g. `'car.intl.tencentcloudapi.com'` or `'127.0.0.1:8080'`.
   * Signed and sent in lower case.
   */
  host: string
  /** The API action, e.g. `'ApplyConcurrent'`. Sent as `X-TC-Action`. */
  action: string
  /** The API version, `YYYY-MM-DD`, e.g. `'2022-01-10'`. Sent as `X-TC-Version`. */
  version: string
  /**
   * Request time in whole seconds since the Unix epoch. Sent as `X-TC-Timestamp`;
   * its **UTC** date goes into the credential scope. Tencent rejects a timestamp more
   * than 300 s away from its clock.
   */
  timestamp: number
  /** The exact request body. A string is hashed as its UTF-8 bytes; send the same bytes. */
  payload: string | Uint8Array
  /**
   * The service name in the credential scope.
   * @default the first label of `host` (`'car'` for `car.intl.tencentcloudapi.com`)
   */
  service?: string
  /**
   * The `Content-Type` of the body. Signed and sent trimmed and in lower case.
   * @default 'application/json'
   */
  contentType?: string
  /**
   * Which headers the signature covers.
   * @default 'content-type;host'
   */
  signedHeaders?: SignedHeaderSet
  /** Sent as `X-TC-Region` when given, e.g. `'ap-guangzhou'`. Not signed. */
  region?: string
  /** A temporary-credential (STS) session token, sent as `X-TC-Token` when given. Not signed. */
  token?: string
  /** Sent as `X-TC-Language` when given: `'zh-CN'` or `'en-US'`. Not signed. */
  language?: string
}

/**
 * Every header to send with the signed request. The optional ones are present
 * only when the matching input was given.
 */
export type Tc3RequestHeaders = {
  'Content-Type': string
  Host: string
  'X-TC-Action': string
  'X-TC-Version': string
  'X-TC-Timestamp': string
  Authorization: string
  'X-TC-Region'?: string
  'X-TC-Token'?: string
  'X-TC-Language'?: string
}

/**
 * The result of {@link signTc3}: what to send, plus the intermediate values of the
 * algorithm (none of them secret) for tests and for debugging a
 * `AuthFailure.SignatureFailure`.
 */
export interface SignTc3Result {
  /** The full `Authorization` header value: `TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
  authorization: string
  /** The lower-case hex HMAC-SHA256 signature. */
  signature: string
  /** Every header to send with the request. */
  headers: Tc3RequestHeaders
  /** The UTC date of `timestamp`, `YYYY-MM-DD`. */
  date: string
  /** The service in the credential scope. */
  service: string
  /** `date/service/tc3_request`. */
  credentialScope: string
  /** The signed header set used. */
  signedHeaders: SignedHeaderSet
  /** Lower-case hex SHA-256 of the payload bytes. */
  hashedPayload: string
  /** The canonical request that was hashed. */
  canonicalRequest: string
  /** Lower-case hex SHA-256 of {@link SignTc3Result.canonicalRequest}. */
  hashedCanonicalRequest: string
  /** The string the signing key signed. */
  stringToSign: string
}
