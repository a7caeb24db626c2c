// Replaced at build time (vite `define`) with the version in package.json. Code that imports the
// TypeScript sources without that define (another tool's alias) gets '0.0.0-source' instead of a
// ReferenceError.
declare const __CARKIT_VERSION__: string | undefined

/** The SDK's version, from its package.json. */
export const version: string = typeof __CARKIT_VERSION__ === 'string' ? __CARKIT_VERSION__ : '0.0.0-source'
