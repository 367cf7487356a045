import type { CallFailure, CallState } from '../../../shared/callModel';
import { contentCallId, contentField, type AgentEvent } from './wire';

/**
 * What one gateway event means, before it is tied to one of our calls (vendors/huawei.md
 * §4). Pure: the event table below is the whole rule set.
 */
export type EventMeaning =
  | { kind: 'session'; change: 'in-service' | 'signed-out' }
  /** Agent states; `occupied-by-call` (AgentState_Busy) is not the user's "busy". */
  | { kind: 'agent-state'; state: 'idle' | 'wrap-up' | 'occupied-by-call' | 'not-ready' }
  /** The agent's own phone (first leg); these events carry no call id. */
  | { kind: 'agent-phone'; phase: 'alerting' | 'off-hook' | 'on-hook' }
  | { kind: 'call'; vendorCallId: string; state: CallState; failure?: CallFailure; party?: CallParty }
  /** AgentEvent_Call_Out_Fail: the cause follows in OUTBOUND_DETECT_EVENT. */
  | { kind: 'call-out-failed'; vendorCallId: string }
  | { kind: 'failure-cause'; vendorCallId: string; cause: FailureCause }
  | { kind: 'not-handled' }
  | { kind: 'malformed'; reason: string };

/** The far party as an event describes it, for calls the softphone did not place. */
export interface CallParty {
  direction: 'outbound' | 'inbound';
  number: string | undefined;
  /** Agent-to-agent (feature 6, or an `otherPhoneWorkno`). */
  internal: boolean;
}

export interface FailureCause {
  detect: string | undefined;
  /** The gateway's `desc`, verbatim. */
  description: string;
}

/** `feature` of AgentEvent_Talking (cec_07_0582). */
const FEATURE = { inbound: '0', internal: '6', outbound: '7' } as const;

export function callOutFailure(cause: FailureCause | undefined): CallFailure {
  const hint = 'The far end did not take the call (busy, no answer, refused or not allowed). Check the number and the calling number, then try again.';
  if (!cause) return { code: 'AgentEvent_Call_Out_Fail', message: 'The outbound call failed; the gateway gave no cause.', hint };
  return { code: cause.detect !== undefined ? `detect ${cause.detect}` : 'OUTBOUND_DETECT_EVENT', message: cause.description, hint };
}

export const CONNECT_FAILURE: CallFailure = {
  code: 'AgentEvent_Connect_Fail',
  message: "The agent's phone did not connect, so the customer was not called.",
  hint: "Check that the agent's phone is registered and answer it when it rings.",
};

function withCallId(content: unknown, build: (vendorCallId: string) => EventMeaning): EventMeaning {
  const vendorCallId = contentCallId(content);
  return vendorCallId === undefined ? { kind: 'malformed', reason: 'the event carries no call id' } : build(vendorCallId);
}

/**
 * The far party of a Talking call. An internal call carries agent ids on both sides, so the
 * called agent (the event's own `workNo`) sees the caller as its far party.
 */
function talkingParty(content: unknown, ownWorkNo: string | undefined): CallParty {
  const feature = contentField(content, 'feature');
  if (feature === FEATURE.inbound) return { direction: 'inbound', number: contentField(content, 'caller'), internal: false };
  const called = contentField(content, 'called');
  if (feature === FEATURE.internal && ownWorkNo !== undefined && called === ownWorkNo) {
    return { direction: 'inbound', number: contentField(content, 'caller'), internal: true };
  }
  return { direction: 'outbound', number: called, internal: feature === FEATURE.internal };
}

function alertingParty(content: unknown): CallParty {
  const workNo = contentField(content, 'otherPhoneWorkno');
  return { direction: 'outbound', number: contentField(content, 'otherPhone') ?? workNo, internal: workNo !== undefined };
}

function failureCause(content: unknown): FailureCause {
  const detect = contentField(content, 'detect');
  const description =
    contentField(content, 'desc') ??
    (detect !== undefined ? `Outbound detection result ${detect}.` : 'The gateway reported a failure cause without a description.');
  return { detect, description };
}

const EVENT_TABLE: Readonly<Record<string, (content: unknown, ownWorkNo: string | undefined) => EventMeaning>> = {
  AgentOther_InService: () => ({ kind: 'session', change: 'in-service' }),
  AgentOther_ShutdownService: () => ({ kind: 'session', change: 'signed-out' }),
  AgentState_Ready: () => ({ kind: 'agent-state', state: 'idle' }),
  AgentState_Work: () => ({ kind: 'agent-state', state: 'wrap-up' }),
  AgentState_Busy: () => ({ kind: 'agent-state', state: 'occupied-by-call' }),
  AgentState_SetNotReady_Success: () => ({ kind: 'agent-state', state: 'not-ready' }),
  AgentOther_PhoneAlerting: () => ({ kind: 'agent-phone', phase: 'alerting' }),
  AgentOther_PhoneOffhook: () => ({ kind: 'agent-phone', phase: 'off-hook' }),
  AgentOther_PhoneRelease: () => ({ kind: 'agent-phone', phase: 'on-hook' }),
  AgentEvent_Customer_Alerting: (content) =>
    withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'ringing', party: alertingParty(content) })),
  AgentEvent_Talking: (content, ownWorkNo) =>
    withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'connected', party: talkingParty(content, ownWorkNo) })),
  AgentEvent_Hold: (content) => withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'held' })),
  AgentEvent_Call_Out_Fail: (content) => withCallId(content, (vendorCallId) => ({ kind: 'call-out-failed', vendorCallId })),
  OUTBOUND_DETECT_EVENT: (content) => withCallId(content, (vendorCallId) => ({ kind: 'failure-cause', vendorCallId, cause: failureCause(content) })),
  AgentEvent_Connect_Fail: (content) =>
    withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'failed', failure: CONNECT_FAILURE })),
  AgentEvent_Call_Release: (content) => withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'ended' })),
  AgentEvent_Customer_Release: (content) => withCallId(content, (vendorCallId) => ({ kind: 'call', vendorCallId, state: 'ended' })),
};

export const HANDLED_EVENT_TYPES: readonly string[] = Object.keys(EVENT_TABLE);

export function interpretEvent(event: AgentEvent): EventMeaning {
  // Own keys only: an eventType such as "toString" or "__proto__" must not reach Object.prototype.
  const rule = Object.hasOwn(EVENT_TABLE, event.eventType) ? EVENT_TABLE[event.eventType] : undefined;
  return rule ? rule(event.content ?? null, event.workNo === undefined ? undefined : String(event.workNo)) : { kind: 'not-handled' };
}
