import type { FarEndOutcome } from '../emulator';
import type { VonageEmulatorOptions } from './options';

export type ResultParty = 'Originator' | 'Destination';

/** `result` of a finished call: `{"code":"Failure","party":"Originator","reason":"NoAnswer"}`. */
export interface CallResult {
  code: 'Success' | 'Failure';
  party: ResultParty;
  reason: string;
}

/** What happens to a call request once it passes validation. */
export type CallPlan =
  | { kind: 'reject-invalid-number' }
  | { kind: 'finish'; afterMs: number; result: CallResult };

export interface FarEndScript {
  outcome: FarEndOutcome;
  /** Overrides the outcome's default duration. */
  afterMs?: number;
}

type Durations = Pick<VonageEmulatorOptions, 'answeredCallMs' | 'noAnswerMs' | 'busyMs'>;

const NORMAL_END: CallResult = { code: 'Success', party: 'Destination', reason: 'Normal' };
const BUSY: CallResult = { code: 'Failure', party: 'Destination', reason: 'NumberBusy' };
const NO_ANSWER: CallResult = { code: 'Failure', party: 'Destination', reason: 'NoAnswer' };
/** The call-detail page's own example outcome. */
const ORIGINATOR_NO_ANSWER: CallResult = { code: 'Failure', party: 'Originator', reason: 'NoAnswer' };

/**
 * The sandbox account is a UK account (every documented number is UK national format), so
 * `+44…` and `0…` name the same line when scripts are looked up.
 */
export function nationalForm(number: string): string {
  return number.startsWith('+44') ? `0${number.slice(3)}` : number;
}

export function planForOutcome(script: FarEndScript, durations: Durations): CallPlan {
  switch (script.outcome) {
    case 'answer':
      return { kind: 'finish', afterMs: script.afterMs ?? durations.answeredCallMs, result: NORMAL_END };
    case 'busy':
      return { kind: 'finish', afterMs: script.afterMs ?? durations.busyMs, result: BUSY };
    case 'no-answer':
      return { kind: 'finish', afterMs: script.afterMs ?? durations.noAnswerMs, result: NO_ANSWER };
    case 'invalid':
      return { kind: 'reject-invalid-number' };
  }
}

/** Default far ends (vendors/vonage.md §7), by the dialled number's national form. */
export function defaultPlanForNumber(number: string, durations: Durations): CallPlan {
  const national = nationalForm(number);
  if (national === '02072068888') return planForOutcome({ outcome: 'answer' }, durations);
  if (national === '07970303957') return { kind: 'finish', afterMs: durations.noAnswerMs, result: ORIGINATOR_NO_ANSWER };
  if (national.endsWith('9')) return planForOutcome({ outcome: 'busy' }, durations);
  if (national.endsWith('8')) return planForOutcome({ outcome: 'no-answer' }, durations);
  return planForOutcome({ outcome: 'answer' }, durations);
}

/** A destination (telephone number or agent id) scripted through the control API wins over the defaults. */
export function planForDestination(
  destination: { telephoneNumber: string } | { agentId: string },
  scripts: ReadonlyMap<string, FarEndScript>,
  durations: Durations,
): CallPlan {
  const key = 'telephoneNumber' in destination ? nationalForm(destination.telephoneNumber) : destination.agentId;
  const script = scripts.get(key);
  if (script) return planForOutcome(script, durations);
  if ('telephoneNumber' in destination) return defaultPlanForNumber(destination.telephoneNumber, durations);
  return planForOutcome({ outcome: 'answer' }, durations);
}
