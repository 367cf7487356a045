import { isFinalState, type CallAction, type CallRecord, type CallState, type CallTarget } from '../../../shared/callModel';
import type { CallObservation } from '../adapter';
import { callOutFailure, type CallParty, type EventMeaning, type FailureCause } from './eventMapping';
import type { GatewayCallInfo } from './wire';

interface TrackedCall {
  localId: string | undefined;
  vendorCallId: string | undefined;
  state: CallState | undefined;
  discovered: CallObservation['discovered'];
  /** Its callout got no usable answer: from this time on, a gateway without a call settles it (not placed, or over unreported). */
  unclearUntil?: number;
}

const NOT_REPORTED: CallObservation['failure'] = {
  code: 'NOT_REPORTED',
  message: 'The gateway has no call for this request and reported none: it was not placed, or ended before the gateway reported it.',
  hint: 'Check your phone; dial again if the call is still needed.',
};

/** Finished calls remembered so that their trailing events (the second release) are recognised. */
const FINISHED_MEMORY = 64;

const ACTIONS: Partial<Record<CallState, CallAction[]>> = {
  dialing: ['hangup'],
  ringing: ['hangup'],
  connected: ['hangup', 'hold', 'dtmf'],
  held: ['hangup', 'retrieve'],
};

/** States an event may move a call into from `undefined`/unknown, binding it to the call being set up. */
const SETUP_STATES: ReadonlySet<CallState> = new Set<CallState>(['ringing', 'connected', 'failed']);

function discoveredFrom(party: CallParty | undefined): CallObservation['discovered'] {
  if (!party?.number) return undefined;
  const target: CallTarget = party.internal
    ? { kind: 'agent', agentId: party.number }
    : { kind: 'phone', input: party.number, number: party.number };
  return { direction: party.direction, target };
}

/**
 * Ties gateway events to our calls and turns them into observations. The agent has at most
 * one call being set up: events without a call id (the agent's phone) and the first unknown
 * call id belong to it, even when they arrive before the callout's answer. A Call_Out_Fail
 * waits for the OUTBOUND_DETECT_EVENT that follows it, whose `desc` becomes the failure
 * message; any other event (or an empty poll) first settles it without a cause.
 */
export class CallCorrelator {
  private readonly byVendorId = new Map<string, TrackedCall>();
  private readonly byLocalId = new Map<string, TrackedCall>();
  /** Finished calls by vendor id, oldest first. */
  private readonly finished = new Map<string, TrackedCall>();
  private setup: TrackedCall | undefined;
  private awaitingCause: TrackedCall | undefined;
  /** Causes that arrived before their Call_Out_Fail. */
  private readonly earlyCauses = new Map<string, FailureCause>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Before the callout is sent: events may come back before its answer does. */
  beginDial(localId: string): void {
    const call: TrackedCall = { localId, vendorCallId: undefined, state: undefined, discovered: undefined };
    this.byLocalId.set(localId, call);
    this.setup = call;
  }

  /** The callout answered `0`; `vendorCallId` is its `result`. */
  dialAccepted(localId: string, vendorCallId: string | undefined): CallObservation[] {
    const call = this.byLocalId.get(localId);
    if (!call) return [];
    if (vendorCallId !== undefined && call.vendorCallId !== vendorCallId) this.bind(call, vendorCallId);
    return call.state === undefined ? this.observe(call, 'dialing', 'callout accepted', 'callout') : [];
  }

  /**
   * The callout got no usable answer. It may still be executing, so the call keeps
   * collecting events; once `graceMs` have passed, a resync that finds no call at the
   * gateway settles it as failed: not placed, or over before the gateway reported it.
   */
  dialUnclear(localId: string, graceMs: number): void {
    const call = this.byLocalId.get(localId);
    if (call) call.unclearUntil = this.now() + graceMs;
  }

  /** The gateway proved nothing was placed. */
  dialRejected(localId: string): void {
    const call = this.byLocalId.get(localId);
    if (!call) return;
    this.byLocalId.delete(localId);
    if (call.vendorCallId !== undefined) this.byVendorId.delete(call.vendorCallId);
    if (this.setup === call) this.setup = undefined;
  }

  /** A call is ringing, connected or being set up by a request still on its way: the gateway takes no second callout. */
  hasCallInProgress(): boolean {
    for (const call of this.byLocalId.values()) {
      if (call.state === 'dialing' || call.state === 'ringing' || call.state === 'connected') return true;
    }
    for (const call of this.byVendorId.values()) {
      if (call.state === 'ringing' || call.state === 'connected') return true;
    }
    return false;
  }

  stateOf(localId: string): CallState | undefined {
    return this.byLocalId.get(localId)?.state;
  }

  vendorCallIdOf(localId: string): string | undefined {
    return this.byLocalId.get(localId)?.vendorCallId;
  }

  apply(meaning: EventMeaning, eventType: string): CallObservation[] {
    const settled = this.awaitingCause && !this.isCauseFor(meaning, this.awaitingCause) ? this.settleFailure(undefined, 'AgentEvent_Call_Out_Fail') : [];
    return [...settled, ...this.applyOne(meaning, eventType)];
  }

  /** An empty poll: a Call_Out_Fail still waiting for its cause is not going to get one. */
  settle(): CallObservation[] {
    return this.awaitingCause ? this.settleFailure(undefined, 'AgentEvent_Call_Out_Fail') : [];
  }

  /** The gateway says there is no call any more (release answered 200-017). */
  markEnded(ref: { localId: string; vendorCallId?: string }, rawState: string, sourceEvent: string): CallObservation[] {
    const call = this.byLocalId.get(ref.localId) ?? { localId: ref.localId, vendorCallId: ref.vendorCallId, state: undefined, discovered: undefined };
    return this.observe(call, 'ended', rawState, sourceEvent);
  }

  /**
   * After a resync: `info` is the agent's call at the gateway, if any. The call being set up
   * binds to it; with no call at the gateway, calls known by id are over. A call being set up
   * keeps collecting events even then: a callout that timed out may still be executing.
   */
  reconcile(info: GatewayCallInfo | undefined, live: readonly CallRecord[]): CallObservation[] {
    if (info) {
      const setup = this.setup;
      const bound: CallObservation[] = [];
      if (!this.byVendorId.has(info.callId) && setup && setup.vendorCallId === undefined) {
        this.bind(setup, info.callId);
        if (setup.state === undefined) bound.push(...this.observe(setup, 'dialing', 'callinfo', 'callinfo'));
      }
      // The agent's one current call is another one: an unclear callout past its grace has none.
      return [...bound, ...this.settleUnclear()];
    }
    return [
      ...this.settleUnclear(),
      ...live.flatMap((record) => {
        if (record.vendorCallId === undefined || isFinalState(record.state)) return [];
        return this.markEnded({ localId: record.id, vendorCallId: record.vendorCallId }, 'callinfo: no call', 'callinfo');
      }),
    ];
  }

  /** A callout of unknown outcome still waits to be settled by a resync. */
  hasUnclear(): boolean {
    return [...this.byLocalId.values()].some((call) => call.unclearUntil !== undefined && call.vendorCallId === undefined && call.state === undefined);
  }

  /** Unclear callouts past their grace that no event and no callinfo tied to a call. */
  private settleUnclear(): CallObservation[] {
    const unplaced = [...this.byLocalId.values()].filter(
      (call) => call.unclearUntil !== undefined && this.now() >= call.unclearUntil && call.vendorCallId === undefined && call.state === undefined,
    );
    return unplaced.flatMap((call) => this.observe(call, 'failed', 'callinfo: no call', 'callinfo', NOT_REPORTED));
  }

  private applyOne(meaning: EventMeaning, eventType: string): CallObservation[] {
    switch (meaning.kind) {
      case 'agent-phone': {
        const call = this.setup;
        if (!call || meaning.phase === 'on-hook' || (call.state !== undefined && call.state !== 'dialing')) return [];
        return this.observe(call, 'dialing', eventType, eventType);
      }
      case 'call': {
        const call = this.callFor(meaning.vendorCallId, SETUP_STATES.has(meaning.state) && meaning.party?.direction !== 'inbound', meaning.party);
        return this.observe(call, meaning.state, eventType, eventType, meaning.failure);
      }
      case 'call-out-failed': {
        const call = this.callFor(meaning.vendorCallId, true, undefined);
        if (call.state !== undefined && isFinalState(call.state)) return [];
        const early = this.earlyCauses.get(meaning.vendorCallId);
        if (early) {
          this.earlyCauses.delete(meaning.vendorCallId);
          return this.observe(call, 'failed', eventType, 'OUTBOUND_DETECT_EVENT', callOutFailure(early));
        }
        this.awaitingCause = call;
        return [];
      }
      case 'failure-cause': {
        const awaiting = this.awaitingCause;
        if (awaiting && awaiting.vendorCallId === meaning.vendorCallId) return this.settleFailure(meaning.cause, eventType);
        this.earlyCauses.set(meaning.vendorCallId, meaning.cause);
        if (this.earlyCauses.size > FINISHED_MEMORY) this.earlyCauses.delete(this.earlyCauses.keys().next().value as string);
        return [];
      }
      case 'session':
      case 'agent-state':
      case 'not-handled':
      case 'malformed':
        return [];
    }
  }

  private isCauseFor(meaning: EventMeaning, call: TrackedCall): boolean {
    return meaning.kind === 'failure-cause' && meaning.vendorCallId === call.vendorCallId;
  }

  private settleFailure(cause: FailureCause | undefined, sourceEvent: string): CallObservation[] {
    const call = this.awaitingCause;
    this.awaitingCause = undefined;
    return call ? this.observe(call, 'failed', 'AgentEvent_Call_Out_Fail', sourceEvent, callOutFailure(cause)) : [];
  }

  private callFor(vendorCallId: string, mayBeSetup: boolean, party: CallParty | undefined): TrackedCall {
    const known = this.byVendorId.get(vendorCallId) ?? this.finished.get(vendorCallId);
    if (known) return known;
    const setup = this.setup;
    if (mayBeSetup && setup && setup.vendorCallId === undefined) {
      this.bind(setup, vendorCallId);
      return setup;
    }
    const call: TrackedCall = { localId: undefined, vendorCallId, state: undefined, discovered: discoveredFrom(party) };
    this.byVendorId.set(vendorCallId, call);
    return call;
  }

  private bind(call: TrackedCall, vendorCallId: string): void {
    if (call.vendorCallId !== undefined) this.byVendorId.delete(call.vendorCallId);
    call.vendorCallId = vendorCallId;
    this.byVendorId.set(vendorCallId, call);
  }

  private observe(call: TrackedCall, state: CallState, rawState: string, sourceEvent: string, failure?: CallObservation['failure']): CallObservation[] {
    if (call.state !== undefined && isFinalState(call.state)) return [];
    call.state = state;
    if (this.setup === call && (state === 'connected' || isFinalState(state))) this.setup = undefined;
    if (isFinalState(state)) this.forget(call);
    return [
      {
        ...(call.localId !== undefined ? { localId: call.localId } : {}),
        ...(call.vendorCallId !== undefined ? { vendorCallId: call.vendorCallId } : {}),
        state,
        rawState,
        sourceEvent,
        actions: ACTIONS[state] ?? [],
        ...(failure ? { failure } : {}),
        ...(call.localId === undefined && call.discovered ? { discovered: call.discovered } : {}),
        at: this.now(),
      },
    ];
  }

  /** Drops a finished call; its vendor id is remembered a while to recognise trailing events. */
  private forget(call: TrackedCall): void {
    if (call.localId !== undefined) this.byLocalId.delete(call.localId);
    if (call.vendorCallId === undefined) return;
    this.byVendorId.delete(call.vendorCallId);
    this.finished.set(call.vendorCallId, call);
    if (this.finished.size > FINISHED_MEMORY) this.finished.delete(this.finished.keys().next().value as string);
  }
}
