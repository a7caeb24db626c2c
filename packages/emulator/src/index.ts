export { startEmulator } from './start-emulator.js'
export type {
  Emulator,
  EmulatorCall,
  EmulatorCredentials,
  EmulatorSlot,
  EmulatorSnapshot,
  FailNextOptions,
  StartEmulatorOptions,
} from './types.js'
