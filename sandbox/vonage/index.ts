export { createVonageEmulator, type VonageEmulator } from './vonageEmulator';
export { DEFAULT_VONAGE_EMULATOR_OPTIONS, type VonageEmulatorOptions } from './options';
export type { ForceSpec, VonageCallSnapshot, VonageControl } from './control';
export type { CallResult, ResultParty } from './farEnd';
