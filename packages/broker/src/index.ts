import { placeholder } from "@carkit/emulator"; export const b = placeholder
