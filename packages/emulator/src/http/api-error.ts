/**
 * An API 3.0 error answer: `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, HTTP 200.
 * Thrown anywhere in request handling and turned into the response in one place.
 *
 * @example
 * throw new ApiError('MissingParameter', 'The request is missing the required parameter `UserId`.')
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** Tencent Cloud error code, e.g. `ResourceNotFound.NoIdle`. */
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * Tells whether a thrown value is an {@link ApiError}.
 *
 * @example
 * if (isApiError(err)) send(err.code, err.message)
 */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}
