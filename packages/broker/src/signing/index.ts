export { signTc3 } from './sign-tc3.js'
export type { SignTc3Input, SignTc3Result, SignedHeaderSet, Tc3RequestHeaders } from './sign-tc3-types.js'
