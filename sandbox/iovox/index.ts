export { createIovoxEmulator, type IovoxControl, type IovoxEmulator, type IovoxEmulatorOptions } from './iovoxEmulator';
export type { CallLimit, IovoxCallRecord } from './callBook';
export type { IovoxCredential, IovoxLink } from './seed';
