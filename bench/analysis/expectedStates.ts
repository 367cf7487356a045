import { STATE_LABELS, type CallState } from '../../shared/callModel';

/**
 * What the agent must see for each vendor event, written from the vendor references
 * (vendors/genesys.md §4, vendors/huawei.md §4) and DESIGN §3, not from the adapters: the
 * bench checks the app against the documented meaning, it does not reuse the app's mapping.
 * Events that do not change a call's state (agent states, the agent's own phone) are absent.
 */
const GENESYS_STATES: Readonly<Record<string, CallState>> = {
  Dialing: 'dialing',
  Ringing: 'ringing',
  Established: 'connected',
  Held: 'held',
  // Every call the bench releases was answered first, so Released means Ended, not Failed.
  Released: 'ended',
};

const HUAWEI_EVENTS: Readonly<Record<string, CallState>> = {
  AgentEvent_Customer_Alerting: 'ringing',
  AgentEvent_Talking: 'connected',
  AgentEvent_Hold: 'held',
  AgentEvent_Customer_Release: 'ended',
  AgentEvent_Call_Release: 'ended',
  AgentEvent_Connect_Fail: 'failed',
};

export type EventVendor = 'genesys' | 'huawei';

/** The state label the screen must show after this event, or undefined for events that change no call state. */
export function expectedLabel(vendor: EventVendor, vendorState: string): string | undefined {
  const state = vendor === 'genesys' ? GENESYS_STATES[vendorState] : HUAWEI_EVENTS[vendorState];
  return state === undefined ? undefined : STATE_LABELS[state];
}

/** Labels of final states: a call in one of them leaves the Active calls panel once newer calls finish. */
export const FINAL_LABELS: ReadonlySet<string> = new Set([STATE_LABELS.ended, STATE_LABELS.failed, STATE_LABELS.accepted]);

export const ALL_STATE_LABELS: readonly string[] = Object.values(STATE_LABELS);
