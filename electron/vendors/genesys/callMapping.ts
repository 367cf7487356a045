import type { CallAction, CallFailure, CallState } from '../../../shared/callModel';
import type { CallObservation } from '../adapter';
import type { GwsCall } from './gwsSchemas';

const STATES: Readonly<Record<string, CallState>> = {
  Dialing: 'dialing',
  Ringing: 'ringing',
  Established: 'connected',
  Held: 'held',
  Released: 'ended',
};

/** GWS capability → our action; the other capabilities (transfer, user data, ...) are not offered. */
const ACTIONS: ReadonlyArray<readonly [string, CallAction]> = [
  ['Hangup', 'hangup'],
  ['Hold', 'hold'],
  ['Retrieve', 'retrieve'],
  ['SendDtmf', 'dtmf'],
];

/** Our state for a GWS call state, before the released-unanswered rule of `mapCall`. */
export const callStateOf = (gwsState: string): CallState | undefined => (Object.hasOwn(STATES, gwsState) ? STATES[gwsState] : undefined);

/** Capability order is not significant (vendors/genesys.md §6 rule 4), so the result has a fixed order. */
export function actionsFromCapabilities(capabilities: readonly string[]): CallAction[] {
  return ACTIONS.filter(([capability]) => capabilities.includes(capability)).map(([, action]) => action);
}

/** What the adapter remembers about a call across its events. */
export interface CallHistory {
  /** The call was `Established` at least once. */
  answered: boolean;
  /** We sent `Hangup` for it. */
  hangupRequested: boolean;
}

export interface CallEvent {
  call: GwsCall;
  /** The notification type (`StatusChange`, `DtmfSent`, `Error`, ...) or `Resync`. */
  source: string;
  /** Set for `notificationType: "Error"` and `ErrorMessage`: the vendor's words. */
  error?: { message: string | undefined; code: string | number | undefined };
}

export type MappedCall = { ok: true; observation: CallObservation } | { ok: false; reason: string };

/**
 * GWS reports busy, no answer and invalid numbers alike as `Dialing` → `Released` with no
 * reason (vendors/genesys.md §4). A call released before it was ever answered, and not hung
 * up by us, is therefore a failure, and the message says what GWS could not tell us.
 */
export const NOT_ANSWERED: CallFailure = {
  code: 'NOT_ANSWERED',
  message: 'The call was released before it was answered: no answer, busy or an invalid number (Genesys does not say which).',
  hint: 'Check the number, or try again later.',
};

const INFORMATIONAL_NOTIFICATIONS = new Set(['DtmfSent', 'AttachedDataChanged', 'ParticipantsUpdated', 'CallRecordingStateChange']);

/** Maps one GWS call snapshot (every call message carries the full call) onto our model. */
export function mapCall(event: CallEvent, history: CallHistory): MappedCall {
  const { call, source } = event;
  const mapped = callStateOf(call.state);
  if (!mapped) return { ok: false, reason: `unknown call state "${call.state}"` };

  let state = mapped;
  let failure: CallFailure | undefined;
  if (state === 'ended' && !history.answered && !history.hangupRequested) {
    state = 'failed';
    failure = NOT_ANSWERED;
  }
  if (event.error) {
    failure = {
      code: event.error.code === undefined ? 'GWS_ERROR' : String(event.error.code),
      message: event.error.message ?? 'Genesys reported an error on this call without a message.',
    };
    if (state === 'ended') state = 'failed';
  }

  const observation: CallObservation = {
    vendorCallId: call.id,
    state,
    // A DtmfSent or AttachedDataChanged keeps the state; naming it keeps it in the timeline.
    rawState: INFORMATIONAL_NOTIFICATIONS.has(source) ? `${call.state} · ${source}` : call.state,
    sourceEvent: source,
    ...(call.capabilities ? { actions: actionsFromCapabilities(call.capabilities) } : {}),
    ...(failure ? { failure } : {}),
  };
  return { ok: true, observation };
}

/** Far end of a call found without a dial of ours (inbound, or placed elsewhere), for `discovered`. */
export function discoveredOf(call: GwsCall): NonNullable<CallObservation['discovered']> {
  const inbound = call.callType === 'Inbound' || call.state === 'Ringing';
  const number = (inbound ? call.ani ?? call.participants[0] : call.dnis ?? call.participants[0]) ?? '';
  return { direction: inbound ? 'inbound' : 'outbound', target: { kind: 'phone', input: number, number } };
}
