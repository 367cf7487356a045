import { z } from 'zod';
import {
  DEFAULT_CALLER,
  SEED_AGENTS,
  SEED_CALLERS,
  SEED_HANGUP_NUMBERS,
  SEED_SKILLS,
  SEED_WRONG_NUMBERS,
  type SeedAgent,
  type SeedSkill,
} from './seed';

const ms = z.number().int().min(0).max(3_600_000);

/** Every duration the emulator waits for; tests set them small, the defaults are the platform's. */
export const HuaweiTimingsSchema = z.object({
  /** GUIDINTERVAL: in AUTHMODE 2 a new GUID is issued on the first poll response after this. */
  guidIntervalMs: ms,
  /** GUIDTIMEOUT: in AUTHMODE 2 every GUID stops being accepted this long after it was issued. */
  guidTimeoutMs: ms,
  /** How long an event poll is held when no event is queued (AGENT_POLL_WAIT_TIMES × INTERVAL). */
  pollHoldMs: ms,
  /** MAXTIME: no request from a signed-in agent for this long → forced sign-out. */
  maxTimeMs: ms,
  /** The customer answers this long after it starts ringing. */
  farEndAnswerDelayMs: ms,
  /** A customer who does not answer (and an unanswered internal call) fails after this. */
  noAnswerDelayMs: ms,
  /** 70093 hangs up this long after answering. */
  customerHangupDelayMs: ms,
  /** The agent's own phone goes off-hook this long after it starts ringing. */
  agentAnswerDelayMs: ms,
  /** Time an operation spends "in progress"; a repeat of it meanwhile answers 000-007. */
  operationLatencyMs: ms,
});
export type HuaweiTimings = z.infer<typeof HuaweiTimingsSchema>;

export interface LoadBalancerCookie {
  /** Cookie name the balancer sets, e.g. `HWWAFSESID`. */
  name: string;
  /**
   * When true, a request for a signed-in agent without the cookie is treated as landing on a
   * node that does not know the GUID (000-003): the adapter's cookie echo becomes testable.
   */
  enforce: boolean;
}

export interface HuaweiEmulatorOptions extends HuaweiTimings {
  /** AUTHMODE: 1 static GUID for the session, 2 rotating GUID (the platform default). */
  authMode: 1 | 2;
  /** Newer releases add `eventGenTime` (epoch ms) to each event. */
  includeEventGenTime: boolean;
  /** Cloud (ELB) sites add a stickiness cookie at sign-in; off by default. */
  loadBalancerCookie: LoadBalancerCookie | false;
  agents: SeedAgent[];
  skills: SeedSkill[];
  callers: string[];
  defaultCaller: string;
  wrongNumbers: string[];
  hangupNumbers: string[];
}

export const DEFAULT_HUAWEI_OPTIONS: HuaweiEmulatorOptions = {
  authMode: 2,
  guidIntervalMs: 60_000,
  guidTimeoutMs: 120_000,
  pollHoldMs: 10_000,
  maxTimeMs: 120_000,
  farEndAnswerDelayMs: 2_000,
  noAnswerDelayMs: 30_000,
  customerHangupDelayMs: 10_000,
  agentAnswerDelayMs: 0,
  operationLatencyMs: 0,
  includeEventGenTime: false,
  loadBalancerCookie: false,
  agents: SEED_AGENTS,
  skills: SEED_SKILLS,
  callers: SEED_CALLERS,
  defaultCaller: DEFAULT_CALLER,
  wrongNumbers: SEED_WRONG_NUMBERS,
  hangupNumbers: SEED_HANGUP_NUMBERS,
};

/** `base` with every defined value of `overrides` (an explicit `undefined` keeps the base value). */
export function withOverrides<T extends object>(base: T, overrides: Partial<T>): T {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...base, ...defined };
}

export function resolveOptions(overrides: Partial<HuaweiEmulatorOptions> = {}): HuaweiEmulatorOptions {
  const merged = withOverrides(DEFAULT_HUAWEI_OPTIONS, overrides);
  HuaweiTimingsSchema.parse(merged);
  return merged;
}

/** What a tester may change on a running emulator (`control.configure`, `POST /__sandbox/options`). */
export const HuaweiSettingsPatchSchema = HuaweiTimingsSchema.partial()
  .extend({
    authMode: z.union([z.literal(1), z.literal(2)]).optional(),
    includeEventGenTime: z.boolean().optional(),
  })
  .strict();
export type HuaweiSettingsPatch = z.infer<typeof HuaweiSettingsPatchSchema>;
