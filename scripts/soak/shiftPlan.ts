import type { Vendor } from '../../shared/callModel';
import type { SandboxOptions } from '../../sandbox';
import type { TimingChanges } from '../../electron/core/reliability/reliabilityHarness';

/**
 * A shift on a compressed clock: the vendors' own timings (GUID lifetimes, token lifetimes,
 * poll holds, far ends) are divided by `timeScale`, so a minute of the shift takes a second.
 */
export interface ShiftPlan {
  name: 'full' | 'quick';
  /** Hours of shift the traffic represents. */
  shiftHours: number;
  /** Shift time per real time. */
  timeScale: number;
  /** Real time during which calls are placed. */
  trafficMs: number;
  /** Mean real time between two injected faults. */
  faultEveryMs: number;
  /** Concurrent callers per profile. */
  callers: Readonly<Record<string, number>>;
  /** Real pause between an agent's calls, and how long an answered call lasts before the agent hangs up. */
  thinkMs: readonly [number, number];
  talkMs: readonly [number, number];
}

const TIME_SCALE = 60;
const HOUR_MS = 3_600_000;

const CALLERS = { genesys: 4, huawei: 1, 'huawei-colleague': 1, vonage: 4, iovox: 2, oracle: 4 } as const;

export const FULL_SHIFT: ShiftPlan = {
  name: 'full',
  shiftHours: 8,
  timeScale: TIME_SCALE,
  trafficMs: (8 * HOUR_MS) / TIME_SCALE,
  faultEveryMs: 1_500,
  callers: CALLERS,
  thinkMs: [80, 1_000],
  talkMs: [500, 5_000],
};

/** Twenty minutes of the same shift: every mechanism, in well under a minute. */
export const QUICK_SHIFT: ShiftPlan = {
  ...FULL_SHIFT,
  name: 'quick',
  shiftHours: 1 / 3,
  trafficMs: HOUR_MS / 3 / TIME_SCALE,
  faultEveryMs: 300,
};

/** The vendors' documented timings, on the shift's clock. */
export function compressedSandbox(plan: ShiftPlan): SandboxOptions {
  const shift = (ms: number): number => Math.max(1, Math.round(ms / plan.timeScale));
  return {
    genesys: { publishDelayMs: { min: 1, max: 4 }, answerDelayMs: shift(10_000), noAnswerTimeoutMs: shift(30_000), cometdTimeoutMs: shift(30_000) },
    huawei: {
      // Both agents place calls, each presenting its own number.
      callers: ['40038', '40040', '10086'],
      guidIntervalMs: shift(60_000),
      guidTimeoutMs: shift(120_000),
      pollHoldMs: shift(10_000),
      maxTimeMs: shift(120_000),
      farEndAnswerDelayMs: shift(10_000),
      noAnswerDelayMs: shift(30_000),
      customerHangupDelayMs: shift(10_000),
      agentAnswerDelayMs: 20,
    },
    vonage: { tokenTtlSeconds: Math.round(3_600 / plan.timeScale), answeredCallMs: shift(180_000), noAnswerMs: shift(20_000), busyMs: shift(10_000) },
    oracle: { timeScale: plan.timeScale },
    iovox: { callLimit: { maxCalls: 1_000_000, windowMs: 60_000 } },
  };
}

/**
 * The adapters' own deadlines stay at the reliability tests' compressed values (a request
 * times out after 1.5 s, about a minute and a half of shift); status polls run every 100 ms,
 * and a Huawei callout without an answer is given 2 s to show up (the faults delay one by up
 * to 2 s).
 */
export const SOAK_ADAPTER_TIMINGS: TimingChanges = {
  huawei: { unclearGraceMs: 2_000 },
  vonage: { pollIntervalMs: 100 },
  oracle: { statusPollMs: 100, scheduledPollMs: 200 },
};

export const PROFILE_VENDOR: Readonly<Record<string, Vendor>> = {
  genesys: 'genesys',
  huawei: 'huawei',
  'huawei-colleague': 'huawei',
  vonage: 'vonage',
  iovox: 'iovox',
  oracle: 'oracle',
};
