import type { CallFailure, CallState } from '../../../shared/callModel';
import type { VccCall } from './responses';

/** Where a VCC call object puts the call in our model. */
export interface CallView {
  state: CallState;
  /** VCC's own words for the timeline, e.g. `Active` or `Finished: Failure (Originator, NoAnswer)`. */
  rawState: string;
  failure?: CallFailure;
  /** The call is over: polling stops. */
  final: boolean;
}

/** VCC call outcomes (the documented call-outcome list), said for the agent. */
const REASON_TEXT: Readonly<Record<string, string>> = {
  Normal: 'The call ended normally.',
  NumberBusy: 'The number was busy.',
  NoAnswer: 'Nobody answered.',
  NumberUnobtainable: 'The number could not be reached.',
  NumberChanged: 'The number has changed.',
  CallRejected: 'The call was rejected.',
  CallFailed: 'The call failed.',
  VoicemailDrop: 'The call reached voicemail.',
};

type Result = NonNullable<VccCall['result']>;

function describeResult(result: Result): string {
  const details = [result.party, result.reason].filter((part): part is string => !!part);
  // `||`, not `??`: an empty code says as little as a missing one.
  return `${result.code || 'Finished'}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function failureOf(result: Result): CallFailure {
  const known = result.reason && Object.hasOwn(REASON_TEXT, result.reason) ? REASON_TEXT[result.reason] : undefined;
  const reasonText = result.reason ? (known ?? `VCC reported ${result.reason}.`) : 'VCC reported a failure.';
  return {
    code: result.reason || result.code || 'Failure',
    message: describeResult(result),
    hint: result.party === 'Originator' ? `${reasonText} This was on the calling agent’s side.` : reasonText,
  };
}

/**
 * `status: "Active"` while the call is in progress, `null` with a `result` once it finished.
 * VCC does not say when a call is answered, so an Active call stays `dialing` (its raw state
 * tells the truth) and is never reported `connected`. Undefined when the object says neither.
 */
export function callView(call: VccCall): CallView | undefined {
  if (typeof call.status === 'string') return { state: 'dialing', rawState: call.status, final: false };
  if (call.status === undefined && !call.result) return undefined;
  const disposition = call.dispositionCode ? `; disposition ${call.dispositionCode}` : '';
  const result = call.result;
  if (!result) return { state: 'ended', rawState: `Finished${disposition}`, final: true };
  const rawState = `Finished: ${describeResult(result)}${disposition}`;
  if (result.code === 'Success') return { state: 'ended', rawState, final: true };
  return { state: 'failed', rawState, failure: failureOf(result), final: true };
}

/** The call detail is gone ("available … for up to 24 hours after the call"): the call is long over. */
export const EXPIRED_DETAIL_VIEW: CallView = { state: 'ended', rawState: 'Call detail no longer available (404)', final: true };
