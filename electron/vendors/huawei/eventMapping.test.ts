import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/callModel';
import type { CallObservation } from '../adapter';
import { CallCorrelator } from './callCorrelator';
import { CONNECT_FAILURE, HANDLED_EVENT_TYPES, interpretEvent, type EventMeaning } from './eventMapping';
import { AgentEventSchema } from './wire';

const event = (eventType: string, content: unknown = null) => AgentEventSchema.parse({ eventType, workNo: '49999', content });

describe('interpretEvent: every documented event type (vendors/huawei.md §4)', () => {
  const table: [string, unknown, EventMeaning][] = [
    ['AgentOther_InService', null, { kind: 'session', change: 'in-service' }],
    ['AgentOther_ShutdownService', { loginTime: '1471585949806' }, { kind: 'session', change: 'signed-out' }],
    ['AgentState_Ready', null, { kind: 'agent-state', state: 'idle' }],
    ['AgentState_Work', null, { kind: 'agent-state', state: 'wrap-up' }],
    // Occupied by a call: not the user's "busy" state (§6 rule 7).
    ['AgentState_Busy', null, { kind: 'agent-state', state: 'occupied-by-call' }],
    ['AgentState_SetNotReady_Success', { reason: '200' }, { kind: 'agent-state', state: 'not-ready' }],
    ['AgentOther_PhoneAlerting', null, { kind: 'agent-phone', phase: 'alerting' }],
    ['AgentOther_PhoneOffhook', { type: 'main' }, { kind: 'agent-phone', phase: 'off-hook' }],
    ['AgentOther_PhoneRelease', { phoneState: 3 }, { kind: 'agent-phone', phase: 'on-hook' }],
    [
      'AgentEvent_Customer_Alerting',
      { callid: '1456401416-3', otherPhoneWorkno: '', otherPhone: '70092', type: 'main' },
      { kind: 'call', vendorCallId: '1456401416-3', state: 'ringing', party: { direction: 'outbound', number: '70092', internal: false } },
    ],
    [
      'AgentEvent_Talking',
      { caller: '10086', callid: '1456401416-3', called: '70092', feature: '7', type: 'main', mediaAbility: '1' },
      { kind: 'call', vendorCallId: '1456401416-3', state: 'connected', party: { direction: 'outbound', number: '70092', internal: false } },
    ],
    ['AgentEvent_Hold', '1456402370-7', { kind: 'call', vendorCallId: '1456402370-7', state: 'held' }],
    ['AgentEvent_Call_Out_Fail', '1456403661-19', { kind: 'call-out-failed', vendorCallId: '1456403661-19' }],
    [
      'OUTBOUND_DETECT_EVENT',
      { callId: '1589167025-134428', detect: 1552, desc: 'The calling number is not allowed to make a call.' },
      { kind: 'failure-cause', vendorCallId: '1589167025-134428', cause: { detect: '1552', description: 'The calling number is not allowed to make a call.' } },
    ],
    ['AgentEvent_Connect_Fail', '1456403661-20', { kind: 'call', vendorCallId: '1456403661-20', state: 'failed', failure: CONNECT_FAILURE }],
    ['AgentEvent_Call_Release', '1456403549-15', { kind: 'call', vendorCallId: '1456403549-15', state: 'ended' }],
    ['AgentEvent_Customer_Release', { callid: '1456404171-43', number: '70093' }, { kind: 'call', vendorCallId: '1456404171-43', state: 'ended' }],
  ];

  it.each(table)('%s', (eventType, content, expected) => {
    expect(interpretEvent(event(eventType, content))).toEqual(expected);
  });

  it('covers exactly the documented event types', () => {
    expect([...HANDLED_EVENT_TYPES].sort()).toEqual(table.map(([eventType]) => eventType).sort());
  });

  it.each([
    ['inbound (feature 0)', { caller: '70092', called: '40038', callid: '1', feature: '0' }, { direction: 'inbound', number: '70092', internal: false }],
    ['internal (feature 6)', { caller: '40038', called: '40040', callid: '1', feature: 6 }, { direction: 'outbound', number: '40040', internal: true }],
    // The event is the called agent's own (workNo 49999): its far party is the caller.
    ['internal, seen by the called agent', { caller: '40038', called: '49999', callid: '1', feature: '6' }, { direction: 'inbound', number: '40038', internal: true }],
    ['no feature', { called: '70092', callid: '1' }, { direction: 'outbound', number: '70092', internal: false }],
  ])('Talking party: %s', (_name, content, party) => {
    expect(interpretEvent(event('AgentEvent_Talking', content))).toMatchObject({ kind: 'call', state: 'connected', party });
  });

  it.each([
    ['Talking with null content', 'AgentEvent_Talking', null],
    ['Hold with an empty string', 'AgentEvent_Hold', ''],
    ['Customer_Release without callid', 'AgentEvent_Customer_Release', { number: '70093' }],
    ['Call_Out_Fail with an object without callid', 'AgentEvent_Call_Out_Fail', { detect: 1 }],
  ])('malformed: %s', (_name, eventType, content) => {
    expect(interpretEvent(event(eventType, content))).toEqual({ kind: 'malformed', reason: 'the event carries no call id' });
  });

  it('a detect event without desc still explains itself', () => {
    expect(interpretEvent(event('OUTBOUND_DETECT_EVENT', { callid: '9', detect: '1553' }))).toEqual({
      kind: 'failure-cause',
      vendorCallId: '9',
      cause: { detect: '1553', description: 'Outbound detection result 1553.' },
    });
  });

  it('ignores undocumented event types', () => {
    expect(interpretEvent(event('AgentEvent_Something_New', { callid: '1' }))).toEqual({ kind: 'not-handled' });
  });
});

type Step = { dial: string } | { accepted: [string, string] } | { event: [string, unknown] } | { emptyPoll: true };
type Seen = Pick<CallObservation, 'localId' | 'vendorCallId' | 'state' | 'rawState'> & { failure?: string };

function run(steps: Step[]): Seen[] {
  const calls = new CallCorrelator(() => 0);
  const seen: CallObservation[] = [];
  for (const step of steps) {
    if ('dial' in step) calls.beginDial(step.dial);
    else if ('accepted' in step) seen.push(...calls.dialAccepted(...step.accepted));
    else if ('emptyPoll' in step) seen.push(...calls.settle());
    else seen.push(...calls.apply(interpretEvent(event(...step.event)), step.event[0]));
  }
  return seen.map((o) => ({
    ...(o.localId !== undefined ? { localId: o.localId } : {}),
    ...(o.vendorCallId !== undefined ? { vendorCallId: o.vendorCallId } : {}),
    state: o.state,
    rawState: o.rawState,
    ...(o.failure ? { failure: o.failure.message } : {}),
  }));
}

const ID = '1455885056-1095';
const DESC = 'The calling number is not allowed to make a call.';

describe('CallCorrelator: documented outbound sequences (vendors/huawei.md §4)', () => {
  const table: [string, Step[], Seen[]][] = [
    [
      'success',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentOther_PhoneAlerting', null] },
        { event: ['AgentOther_PhoneOffhook', { type: 'main' }] },
        { event: ['AgentState_Busy', null] },
        { event: ['AgentEvent_Customer_Alerting', { callid: ID, otherPhone: '70092' }] },
        { event: ['AgentEvent_Talking', { callid: ID, called: '70092', feature: '7' }] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'AgentOther_PhoneAlerting' },
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'AgentOther_PhoneOffhook' },
        { localId: 'L1', vendorCallId: ID, state: 'ringing', rawState: 'AgentEvent_Customer_Alerting' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
      ],
    ],
    [
      'events before the callout answer',
      [
        { dial: 'L1' },
        { event: ['AgentOther_PhoneAlerting', null] },
        { event: ['AgentEvent_Customer_Alerting', { callid: ID, otherPhone: '70092' }] },
        { accepted: ['L1', ID] },
        { event: ['AgentEvent_Talking', { callid: ID, feature: '7' }] },
      ],
      [
        { localId: 'L1', state: 'dialing', rawState: 'AgentOther_PhoneAlerting' },
        { localId: 'L1', vendorCallId: ID, state: 'ringing', rawState: 'AgentEvent_Customer_Alerting' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
      ],
    ],
    [
      'agent hangs up: the second release is not a second end',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentEvent_Talking', { callid: ID, feature: '7' }] },
        { event: ['AgentEvent_Call_Release', ID] },
        { event: ['AgentEvent_Customer_Release', { callid: ID, number: '70092' }] },
        { event: ['AgentOther_PhoneRelease', { phoneState: 2 }] },
        { event: ['AgentState_Ready', null] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
        { localId: 'L1', vendorCallId: ID, state: 'ended', rawState: 'AgentEvent_Call_Release' },
      ],
    ],
    [
      'customer hangs up',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentEvent_Talking', { callid: ID, feature: '7' }] },
        { event: ['AgentEvent_Customer_Release', { callid: ID, number: '70093' }] },
        { event: ['AgentEvent_Call_Release', ID] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
        { localId: 'L1', vendorCallId: ID, state: 'ended', rawState: 'AgentEvent_Customer_Release' },
      ],
    ],
    [
      'refused: Call_Out_Fail takes the OUTBOUND_DETECT_EVENT desc',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentState_Busy', null] },
        { event: ['AgentEvent_Call_Out_Fail', ID] },
        { event: ['OUTBOUND_DETECT_EVENT', { callId: ID, detect: 1552, desc: DESC }] },
        { event: ['AgentEvent_Connect_Fail', ID] },
        { event: ['AgentOther_PhoneRelease', { phoneState: 3 }] },
        { event: ['AgentState_Ready', null] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'failed', rawState: 'AgentEvent_Call_Out_Fail', failure: DESC },
      ],
    ],
    [
      'the cause arriving before the failure',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['OUTBOUND_DETECT_EVENT', { callid: ID, detect: '1552', desc: DESC }] },
        { event: ['AgentEvent_Call_Out_Fail', ID] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'failed', rawState: 'AgentEvent_Call_Out_Fail', failure: DESC },
      ],
    ],
    [
      'busy without a cause: settled by the next event',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentEvent_Call_Out_Fail', ID] },
        { event: ['AgentEvent_Connect_Fail', ID] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'failed', rawState: 'AgentEvent_Call_Out_Fail', failure: 'The outbound call failed; the gateway gave no cause.' },
      ],
    ],
    [
      'a failure without a cause: settled by an empty poll',
      [{ dial: 'L1' }, { accepted: ['L1', ID] }, { event: ['AgentEvent_Call_Out_Fail', ID] }, { emptyPoll: true }],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'failed', rawState: 'AgentEvent_Call_Out_Fail', failure: 'The outbound call failed; the gateway gave no cause.' },
      ],
    ],
    [
      "agent's phone not answered",
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentOther_PhoneAlerting', null] },
        { event: ['AgentEvent_Connect_Fail', ID] },
        { event: ['AgentOther_PhoneRelease', { phoneState: 3 }] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'AgentOther_PhoneAlerting' },
        { localId: 'L1', vendorCallId: ID, state: 'failed', rawState: 'AgentEvent_Connect_Fail', failure: CONNECT_FAILURE.message },
      ],
    ],
    [
      'hold and unhold',
      [
        { dial: 'L1' },
        { accepted: ['L1', ID] },
        { event: ['AgentEvent_Talking', { callid: ID, feature: '7' }] },
        { event: ['AgentEvent_Hold', ID] },
        { event: ['AgentEvent_Talking', { callid: ID, feature: '7' }] },
      ],
      [
        { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callout accepted' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
        { localId: 'L1', vendorCallId: ID, state: 'held', rawState: 'AgentEvent_Hold' },
        { localId: 'L1', vendorCallId: ID, state: 'connected', rawState: 'AgentEvent_Talking' },
      ],
    ],
    [
      'agent-phone events without a call being set up change nothing',
      [{ event: ['AgentOther_PhoneAlerting', null] }, { event: ['AgentOther_PhoneOffhook', null] }, { event: ['AgentState_Busy', null] }],
      [],
    ],
    [
      'a late agent-phone event does not move a ringing call back',
      [
        { dial: 'L1' },
        { event: ['AgentEvent_Customer_Alerting', { callid: ID }] },
        { event: ['AgentOther_PhoneOffhook', { type: 'main' }] },
      ],
      [{ localId: 'L1', vendorCallId: ID, state: 'ringing', rawState: 'AgentEvent_Customer_Alerting' }],
    ],
  ];

  it.each(table)('%s', (_name, steps, expected) => {
    expect(run(steps)).toEqual(expected);
  });
});

describe('CallCorrelator: calls the softphone did not place', () => {
  it('reports an inbound call as discovered, without binding it to a call being set up', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L1');
    const [observation] = calls.apply(interpretEvent(event('AgentEvent_Talking', { caller: '70092', called: '40038', callid: '5-5', feature: '0' })), 'AgentEvent_Talking');
    expect(observation).toMatchObject({ vendorCallId: '5-5', state: 'connected', discovered: { direction: 'inbound', target: { kind: 'phone', number: '70092' } } });
    expect(observation?.localId).toBeUndefined();
    expect(calls.hasCallInProgress()).toBe(true);
  });

  it('reports an internal call with the other agent as target', () => {
    const calls = new CallCorrelator(() => 0);
    const [observation] = calls.apply(interpretEvent(event('AgentEvent_Talking', { callid: '6-6', called: '40040', feature: '6' })), 'AgentEvent_Talking');
    expect(observation?.discovered).toEqual({ direction: 'outbound', target: { kind: 'agent', agentId: '40040' } });
  });

  it('does not bind a release of an unknown call to the call being set up', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L1');
    const [observation] = calls.apply(interpretEvent(event('AgentEvent_Call_Release', 'old-1')), 'AgentEvent_Call_Release');
    expect(observation).toMatchObject({ vendorCallId: 'old-1', state: 'ended' });
    expect(observation?.localId).toBeUndefined();
    expect(calls.apply(interpretEvent(event('AgentEvent_Customer_Alerting', { callid: ID })), 'AgentEvent_Customer_Alerting')[0]?.localId).toBe('L1');
  });
});

describe('CallCorrelator: what the adapter asks', () => {
  it('knows when the agent is busy with a call, and not when the call is held or over', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L1');
    expect(calls.hasCallInProgress()).toBe(false);
    calls.dialAccepted('L1', ID);
    expect(calls.hasCallInProgress()).toBe(true);
    calls.apply(interpretEvent(event('AgentEvent_Talking', { callid: ID })), 'AgentEvent_Talking');
    calls.apply(interpretEvent(event('AgentEvent_Hold', ID)), 'AgentEvent_Hold');
    expect(calls.hasCallInProgress()).toBe(false);
    expect(calls.vendorCallIdOf('L1')).toBe(ID);
    calls.apply(interpretEvent(event('AgentEvent_Call_Release', ID)), 'AgentEvent_Call_Release');
    expect(calls.stateOf('L1')).toBeUndefined();
  });

  it('forgets a rejected dial, so later events are not bound to it', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L1');
    calls.dialRejected('L1');
    const [observation] = calls.apply(interpretEvent(event('AgentEvent_Customer_Alerting', { callid: ID, otherPhone: '70092' })), 'AgentEvent_Customer_Alerting');
    expect(observation?.localId).toBeUndefined();
  });

  it('ends a call the gateway no longer has (release answered 200-017)', () => {
    const calls = new CallCorrelator(() => 0);
    expect(calls.markEnded({ localId: 'L9', vendorCallId: '9-9' }, 'release: 200-017', 'release')).toEqual([
      { localId: 'L9', vendorCallId: '9-9', state: 'ended', rawState: 'release: 200-017', sourceEvent: 'release', actions: [], at: 0 },
    ]);
  });

  const record = (id: string, state: CallRecord['state'], vendorCallId?: string): CallRecord => ({
    id,
    profileId: 'hw',
    vendor: 'huawei',
    direction: 'outbound',
    target: { kind: 'phone', input: '70092', number: '70092' },
    state,
    timeline: [],
    actions: [],
    createdAt: 0,
    ...(vendorCallId !== undefined ? { vendorCallId } : {}),
  });

  it('resync: binds the call being set up to the gateway\u2019s current call', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L1');
    expect(calls.reconcile({ callId: ID, caller: '40038', called: '70092' }, [record('L1', 'unknown')])).toMatchObject([
      { localId: 'L1', vendorCallId: ID, state: 'dialing', rawState: 'callinfo' },
    ]);
    expect(calls.apply(interpretEvent(event('AgentEvent_Talking', { callid: ID })), 'AgentEvent_Talking')[0]?.localId).toBe('L1');
  });

  it('resync: with no call at the gateway, known calls are over; a call of unknown outcome still collects its events', () => {
    const calls = new CallCorrelator(() => 0);
    calls.beginDial('L2');
    const observations = calls.reconcile(undefined, [record('L1', 'connected', ID), record('L2', 'unknown'), record('L3', 'ended', 'x')]);
    expect(observations).toMatchObject([{ localId: 'L1', vendorCallId: ID, state: 'ended', rawState: 'callinfo: no call' }]);
    expect(calls.apply(interpretEvent(event('AgentEvent_Customer_Alerting', { callid: 'late-1' })), 'AgentEvent_Customer_Alerting')[0]?.localId).toBe('L2');
  });

  it('resync: a callout of unknown outcome is settled as failed (not reported) once its grace is over and the gateway still has no call', () => {
    let now = 0;
    const calls = new CallCorrelator(() => now);
    calls.beginDial('L1');
    calls.dialUnclear('L1', 1_000);
    expect(calls.reconcile(undefined, [record('L1', 'unknown')])).toEqual([]);
    now = 1_000;
    expect(calls.reconcile(undefined, [record('L1', 'unknown')])).toMatchObject([
      { localId: 'L1', state: 'failed', rawState: 'callinfo: no call', failure: { code: 'NOT_REPORTED' } },
    ]);
    expect(calls.apply(interpretEvent(event('AgentEvent_Customer_Alerting', { callid: 'other-1' })), 'AgentEvent_Customer_Alerting')[0]?.localId).toBeUndefined();
  });

  it('resync: with another call current at the gateway, a callout of unknown outcome past its grace is settled, one within it is not', () => {
    let now = 0;
    const calls = new CallCorrelator(() => now);
    calls.beginDial('L1');
    calls.dialUnclear('L1', 1_000);
    calls.beginDial('L2');
    calls.dialUnclear('L2', 5_000);
    expect(calls.apply(interpretEvent(event('AgentEvent_Talking', { callid: 'other-1' })), 'AgentEvent_Talking')[0]?.localId).toBe('L2');
    now = 2_000;
    expect(calls.reconcile({ callId: 'other-1', caller: '40038', called: '70092' }, [])).toMatchObject([{ localId: 'L1', state: 'failed', failure: { code: 'NOT_REPORTED' } }]);
    expect(calls.hasUnclear()).toBe(false);
  });

  it('resync: a callout of unknown outcome that the gateway did place is bound, never settled as not reported', () => {
    let now = 0;
    const calls = new CallCorrelator(() => now);
    calls.beginDial('L1');
    calls.dialUnclear('L1', 1_000);
    expect(calls.apply(interpretEvent(event('AgentEvent_Customer_Alerting', { callid: ID })), 'AgentEvent_Customer_Alerting')[0]).toMatchObject({ localId: 'L1', vendorCallId: ID });
    now = 5_000;
    expect(calls.reconcile(undefined, [record('L1', 'ringing', ID)])).toMatchObject([{ localId: 'L1', state: 'ended' }]);
  });
});
