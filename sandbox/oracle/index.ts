export {
  createOracleEmulator,
  type OracleControl,
  type OracleEmulator,
  type OracleEmulatorOptions,
  type OracleSessionView,
  type OracleSettings,
} from './oracleEmulator';
export type { OracleTimings, SessionAction } from './sessions';
export type { OracleTemplate } from './templates';
