import { BrokerConfigError } from './broker-config-error.js'
import { BrokerCredentials } from './broker-credentials.js'

type Env = Readonly<Record<string, string | undefined>>

function present(env: Env, name: string): boolean {
  const value = env[name]
  return value !== undefined && value !== ''
}

function checkSecret(name: string, value: string): void {
  // Tencent answers AuthFailure.SecretIdNotFound for keys pasted with spaces; say so at start-up instead.
  if (value.trim() !== value) throw new BrokerConfigError(name, 'has leading or trailing whitespace; remove it (it is not trimmed for you)')
  if (!/^[\x21-\x7e]+$/.test(value)) throw new BrokerConfigError(name, 'contains characters that cannot appear in a Tencent Cloud credential')
}

/**
 * Reads the credentials: `CARKIT_SECRET_ID` + `CARKIT_SECRET_KEY`, else `TENCENTCLOUD_SECRET_ID` +
 * `TENCENTCLOUD_SECRET_KEY`, plus `CARKIT_SESSION_TOKEN`. Returns `undefined` when none are set
 * (emulator mode). Errors name the variable, never its value.
 *
 * @example
 * ```ts
 * readCredentials({ CARKIT_SECRET_ID: 'AKID…', CARKIT_SECRET_KEY: '…' })?.secretId // 'AKID…'
 * ```
 */
export function readCredentials(env: Env): BrokerCredentials | undefined {
  const prefix = present(env, 'CARKIT_SECRET_ID') || present(env, 'CARKIT_SECRET_KEY') ? 'CARKIT' : 'TENCENTCLOUD'
  const idName = `${prefix}_SECRET_ID`
  const keyName = `${prefix}_SECRET_KEY`
  const hasId = present(env, idName)
  const hasKey = present(env, keyName)
  const token = present(env, 'CARKIT_SESSION_TOKEN') ? env.CARKIT_SESSION_TOKEN : undefined
  if (!hasId && !hasKey) {
    if (token !== undefined) throw new BrokerConfigError('CARKIT_SESSION_TOKEN', `is set but ${idName} and ${keyName} are not; set all three or none`)
    return undefined
  }
  if (!hasId) throw new BrokerConfigError(idName, `is not set but ${keyName} is; set both or neither (neither = emulator mode)`)
  if (!hasKey) throw new BrokerConfigError(keyName, `is not set but ${idName} is; set both or neither (neither = emulator mode)`)
  const secretId = env[idName] as string
  const secretKey = env[keyName] as string
  checkSecret(idName, secretId)
  checkSecret(keyName, secretKey)
  if (token !== undefined) checkSecret('CARKIT_SESSION_TOKEN', token)
  return new BrokerCredentials(secretId, secretKey, token)
}
