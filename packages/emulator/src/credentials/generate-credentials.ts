import { randomInt } from 'node:crypto'
import type { EmulatorCredentials } from '../types.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomText(length: number): string {
  let text = ''
  for (let i = 0; i < length; i += 1) text += ALPHABET[randomInt(ALPHABET.length)]
  return text
}

/**
 * Makes a random key pair shaped like Tencent Cloud's: a 36-character `AKID…` SecretId and a
 * 32-character SecretKey.
 *
 * @example
 * const { secretId, secretKey } = generateCredentials()
 * secretId.startsWith('AKID') // true
 */
export function generateCredentials(): EmulatorCredentials {
  return { secretId: `AKID${randomText(32)}`, secretKey: randomText(32) }
}
