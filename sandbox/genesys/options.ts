import { createHash } from 'node:crypto';
import { SANDBOX_USER } from './seed';

export interface GenesysSkill {
  name: string;
  level: number;
}

/** One GWS user and the single device (DN) it owns. */
export interface GenesysUserSeed {
  userName: string;
  password: string;
  deviceId: string;
  /** The device's DN, e.g. `5005`. */
  phoneNumber: string;
  firstName?: string;
  lastName?: string;
  skills?: GenesysSkill[];
}

export interface GenesysUser extends Required<GenesysUserSeed> {
  /** Opaque user id as in the Users resource (32 hex characters), stable per user name. */
  id: string;
}

/** `script`: the far end follows the dialled-number rules; `manual`: only the control API decides. */
export type FarEndMode = 'script' | 'manual';

export interface DelayRange {
  min: number;
  max: number;
}

export interface GenesysEmulatorOptions {
  users: GenesysUserSeed[];
  /** GWS `enableCsrfProtection: true`. */
  csrf: boolean;
  /** Bayeux `advice.timeout`: how long a `/meta/connect` is held. */
  cometdTimeoutMs: number;
  /** Delay between the `{"statusCode":0}` reply to an operation and its CometD event. */
  publishDelayMs: DelayRange;
  /** Far end answers (or reports busy) this long after `Dialing`. */
  answerDelayMs: number;
  /** A destination that does not answer is released this long after `Dialing`. */
  noAnswerTimeoutMs: number;
  farEnd: FarEndMode;
  /** Base of the absolute URIs inside payloads; the server's own URL when omitted. */
  baseUrl?: string;
}

export const DEFAULT_OPTIONS: Omit<GenesysEmulatorOptions, 'users'> = {
  csrf: false,
  cometdTimeoutMs: 30_000,
  publishDelayMs: { min: 50, max: 200 },
  answerDelayMs: 2_000,
  noAnswerTimeoutMs: 30_000,
  farEnd: 'script',
};

export function resolveOptions(options: Partial<GenesysEmulatorOptions>): GenesysEmulatorOptions {
  const resolved = { ...DEFAULT_OPTIONS, users: [{ ...SANDBOX_USER }], ...options };
  if (resolved.users.length === 0) throw new Error('The Genesys emulator needs at least one user');
  if (resolved.publishDelayMs.min > resolved.publishDelayMs.max) throw new Error('publishDelayMs.min must not exceed publishDelayMs.max');
  return resolved;
}

export function toUser(seed: GenesysUserSeed): GenesysUser {
  return {
    firstName: 'Sandbox',
    lastName: `Agent ${seed.phoneNumber}`,
    skills: [{ name: 'Outbound', level: 5 }],
    ...seed,
    id: createHash('md5').update(`gws-user:${seed.userName}`).digest('hex'),
  };
}
