/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the carkit broker the demo page talks to; `?broker=` overrides it. */
  readonly VITE_CARKIT_BROKER_URL?: string
}
