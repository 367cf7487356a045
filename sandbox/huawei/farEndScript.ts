import type { HuaweiTimings } from './options';

/**
 * What the far end of an outbound call does (vendors/huawei.md §7 outcome script): decided
 * from the dialled and presented numbers when the callout is accepted.
 */
export type FarEndPlan =
  | { kind: 'answer'; afterMs: number; hangupAfterMs: number | undefined }
  | { kind: 'busy' }
  | { kind: 'no-answer'; afterMs: number }
  | { kind: 'caller-not-allowed' };

/** An outcome a tester armed for the agent's next call through the control API. */
export type ArmedOutcome = 'answer' | 'busy' | 'agent-noanswer';

export interface NumberRules {
  callers: readonly string[];
  wrongNumbers: readonly string[];
  hangupNumbers: readonly string[];
}

type ScriptTimings = Pick<HuaweiTimings, 'farEndAnswerDelayMs' | 'noAnswerDelayMs' | 'customerHangupDelayMs'>;

/** Rejected up front with 200-001, before any event. */
export function isWrongNumber(called: string, rules: NumberRules): boolean {
  return rules.wrongNumbers.includes(called);
}

export function planCallout(
  request: { called: string; caller: string | undefined },
  rules: NumberRules,
  timings: ScriptTimings,
  armed?: ArmedOutcome,
): FarEndPlan {
  if (request.caller !== undefined && !rules.callers.includes(request.caller)) return { kind: 'caller-not-allowed' };
  if (armed === 'answer') return { kind: 'answer', afterMs: 0, hangupAfterMs: undefined };
  if (armed === 'busy') return { kind: 'busy' };
  if (rules.hangupNumbers.includes(request.called)) {
    return { kind: 'answer', afterMs: timings.farEndAnswerDelayMs, hangupAfterMs: timings.customerHangupDelayMs };
  }
  if (request.called.endsWith('9')) return { kind: 'busy' };
  if (request.called.endsWith('8')) return { kind: 'no-answer', afterMs: timings.noAnswerDelayMs };
  return { kind: 'answer', afterMs: timings.farEndAnswerDelayMs, hangupAfterMs: undefined };
}

/** A tester's "answer" / "busy" for a call whose far end has not been reached yet. */
export function overridePlan(plan: FarEndPlan, outcome: 'answer' | 'busy'): FarEndPlan {
  // The platform refuses a disallowed calling number before the customer is involved.
  if (plan.kind === 'caller-not-allowed') return plan;
  if (outcome === 'busy') return { kind: 'busy' };
  return { kind: 'answer', afterMs: 0, hangupAfterMs: plan.kind === 'answer' ? plan.hangupAfterMs : undefined };
}
