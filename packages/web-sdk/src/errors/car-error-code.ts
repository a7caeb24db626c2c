/**
 * Codes raised by the SDK itself, before or instead of a broker answer.
 */
export type ClientErrorCode =
  | 'Client.NetworkError'
  | 'Client.Timeout'
  | 'Client.Aborted'
  | 'Client.InvalidResponse'
  | 'Client.InvalidOptions'

/**
 * Codes the broker answers with: its own guards, plus Tencent CAR codes passed through verbatim.
 */
export type BrokerErrorCode =
  | 'InvalidParameter.JsonParseError'
  | 'MissingParameter'
  | 'InvalidParameterValue'
  | 'UnknownParameter'
  | 'Broker.MethodNotAllowed'
  | 'Broker.UnsupportedMediaType'
  | 'Broker.PayloadTooLarge'
  | 'Broker.Unauthorized'
  | 'Broker.OriginNotAllowed'
  | 'Broker.ProjectNotAllowed'
  | 'Broker.NotFound'
  | 'Broker.RateLimited'
  | 'Broker.UpstreamTimeout'
  | 'Broker.UpstreamUnavailable'
  | 'ResourceNotFound.NoIdle'
  | 'ResourceUnavailable.Initialization'
  | 'UnsupportedOperation.Stopping'
  | 'FailedOperation'
  | 'FailedOperation.SlowDown'
  | 'FailedOperation.ProcessTimeout'
  | 'RequestLimitExceeded'
  | 'InternalError'
  | 'AuthFailure.SecretIdNotFound'
  | 'AuthFailure.SignatureFailure'
  | 'AuthFailure.SignatureExpire'

/**
 * Every known `CarError` code. Any other upstream code still arrives as a plain string,
 * so compare against these literals and keep a fallback branch.
 */
export type CarErrorCode = ClientErrorCode | BrokerErrorCode | (string & {})
