// Replaced at build time (vite `define`) with the version in package.json.
declare const __CARKIT_VERSION__: string

/** The SDK's version, from its package.json. */
export const version: string = __CARKIT_VERSION__
