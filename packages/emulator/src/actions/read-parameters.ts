import { ApiError } from '../http/api-error.js'

/** How one input parameter of an action is checked. Every CAR input is a string. */
export interface ParameterSpec {
  required: boolean
  /** The only accepted values, when the parameter is an enumeration. */
  oneOf?: readonly string[]
}

/** The parameters of an action, by name. */
export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>

/** The checked parameters: required ones are strings, optional ones may be absent. */
export type Parameters<S extends ParameterSpecs> = {
  readonly [K in keyof S]: S[K]['required'] extends true ? string : string | undefined
}

/**
 * Checks a parsed JSON body against an action's parameters, in Tencent's order of complaints:
 * `UnknownParameter`, then `MissingParameter`, then `InvalidParameterValue` (wrong type or value).
 * Every message names the parameter.
 *
 * @example
 * const spec = { UserId: { required: true } } as const
 * readParameters({ UserId: 'u1' }, spec).UserId // 'u1'
 */
export function readParameters<S extends ParameterSpecs>(body: Readonly<Record<string, unknown>>, spec: S): Parameters<S> {
  for (const name of Object.keys(body)) {
    if (!Object.hasOwn(spec, name)) {
      throw new ApiError('UnknownParameter', `The parameter \`${name}\` is not recognized. Remove it or check its spelling.`)
    }
  }
  const result: Record<string, string | undefined> = {}
  for (const [name, rule] of Object.entries(spec)) {
    const value = body[name]
    if (value === undefined) {
      if (rule.required) throw new ApiError('MissingParameter', `The request is missing the required parameter \`${name}\`.`)
      continue
    }
    if (typeof value !== 'string') {
      throw new ApiError('InvalidParameterValue', `The parameter \`${name}\` must be a string.`)
    }
    if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) {
      throw new ApiError('InvalidParameterValue', `The parameter \`${name}\` must be one of ${rule.oneOf.map((v) => `\`${v}\``).join(', ')}.`)
    }
    result[name] = value
  }
  return result as Parameters<S>
}
