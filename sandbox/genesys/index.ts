export { createGenesysEmulator, type GenesysEmulator } from './emulator';
export type { GenesysEmulatorOptions, GenesysUserSeed, GenesysUser, GenesysSkill, FarEndMode, DelayRange } from './options';
export { GenesysControl, type CallSummary, type EmulatorSettings, type SettingsPatch } from './control/control';
export type { BurstRun } from './control/burst';
export type { PublishListener, PublishedCallEvent } from './tserver/publishedEvents';
export { ControlError, type FarEndAction } from './tserver/tserver';
export type { GwsCallState } from './calls/capabilities';
export { SANDBOX_USER, DOCUMENTED_DEVICE_ID, DOCUMENTED_DN, DOCUMENTED_CALL_IDS } from './seed';
export { farEndOutcomeFor } from './calls/farEndScript';
