import type { AppError } from '../../../shared/errors';
import type { CallObservation, Logger } from '../adapter';
import { readStatus, type ObservedState, type PollTiming } from './statusMapping';
import type { OracleStatus } from './statusResponse';

export type PollResult = { kind: 'status'; status: OracleStatus } | { kind: 'gone'; error: AppError } | { kind: 'failed'; reason: string };

export interface StatusPollerDeps {
  read(sessionId: string): Promise<PollResult>;
  report(observation: CallObservation): void;
  timing: PollTiming;
  log: Logger;
}

interface TrackedCall {
  localId: string;
  sessionId: string;
  expectedStart: number | undefined;
  sawConnected: boolean;
  last: ObservedState | undefined;
  /** Polls in a row that told nothing (`unknown`, transport error, unreadable body). */
  blindPolls: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** A status read is on its way; its answer schedules the next one. */
  reading: boolean;
}

/** After this many polls in a row without a readable state, the call's outcome is unknown. */
export const MAX_BLIND_POLLS = 30;

/**
 * One status-poll loop per call in progress. A call leaves the poller when Oracle says it is
 * over (or will say nothing more), when it is hung up, or at dispose: nothing polls for a call
 * that is over.
 */
export class StatusPoller {
  private readonly calls = new Map<string, TrackedCall>();

  constructor(private readonly deps: StatusPollerDeps) {}

  track(localId: string, sessionId: string, expectedStart?: number): void {
    if (this.calls.has(localId)) return;
    const call: TrackedCall = { localId, sessionId, expectedStart, sawConnected: false, last: undefined, blindPolls: 0, timer: undefined, reading: false };
    this.calls.set(localId, call);
    this.schedule(call, 0);
  }

  /**
   * Reads a followed call's status now instead of at its next poll (after a sleep, say). A
   * read already on its way is as fresh, so nothing more is sent then.
   */
  pollNow(localId: string): void {
    const call = this.calls.get(localId);
    if (!call || call.reading) return;
    clearTimeout(call.timer);
    this.schedule(call, 0);
  }

  sessionOf(localId: string): string | undefined {
    return this.calls.get(localId)?.sessionId;
  }

  /** Stops following a call; undefined when it was not followed, else the state last reported. */
  stop(localId: string): { last: ObservedState | undefined } | undefined {
    const call = this.calls.get(localId);
    if (!call) return undefined;
    clearTimeout(call.timer);
    this.calls.delete(localId);
    return { last: call.last };
  }

  stopAll(): void {
    for (const localId of [...this.calls.keys()]) this.stop(localId);
  }

  private schedule(call: TrackedCall, delayMs: number): void {
    call.timer = setTimeout(() => void this.poll(call), delayMs);
  }

  private async poll(call: TrackedCall): Promise<void> {
    call.reading = true;
    const result = await this.deps.read(call.sessionId).finally(() => {
      call.reading = false;
    });
    // Hung up, signed out or disposed while the request was in flight.
    if (this.calls.get(call.localId) !== call) return;

    if (result.kind === 'gone') {
      this.finish(call, {
        state: 'unknown',
        rawState: result.error.vendorMessage ?? 'HTTP 404',
        actions: [],
        failure: { code: 'SESSION_UNKNOWN', message: result.error.vendorMessage ?? result.error.message, ...(result.error.hint ? { hint: result.error.hint } : {}) },
      });
      return;
    }
    if (result.kind === 'failed') {
      if (this.blind(call, result.reason)) this.schedule(call, this.deps.timing.statusPollMs);
      return;
    }
    const status = result.status;
    if (status.callState === 'unknown') {
      if (!this.blind(call, status.rawCallState)) return;
    } else {
      call.blindPolls = 0;
    }

    if (status.callState === 'connected') call.sawConnected = true;
    const reading = readStatus(status, call, this.deps.timing, Date.now(), call.expectedStart);
    if (reading.observed && !sameState(reading.observed, call.last)) {
      call.last = reading.observed;
      this.deps.report({
        localId: call.localId,
        vendorCallId: call.sessionId,
        ...reading.observed,
        sourceEvent: 'GET status',
        ...(status.time !== undefined ? { at: status.time } : {}),
      });
    }
    if (reading.next === 'stop') this.calls.delete(call.localId);
    else this.schedule(call, reading.next);
  }

  /** Counts a poll that told nothing; false (and the call given up as unknown) past the limit. */
  private blind(call: TrackedCall, reason: string): boolean {
    call.blindPolls += 1;
    this.deps.log.warn('Oracle status gave no call state', { localId: call.localId, reason, blindPolls: call.blindPolls });
    if (call.blindPolls < MAX_BLIND_POLLS) return true;
    this.finish(call, {
      state: 'unknown',
      rawState: reason,
      actions: [],
      failure: {
        code: 'STATUS_UNAVAILABLE',
        message: reason,
        hint: `Oracle gave no state for this call ${MAX_BLIND_POLLS} times in a row; the softphone stopped following it. Check the phones.`,
      },
    });
    return false;
  }

  private finish(call: TrackedCall, observed: ObservedState): void {
    this.calls.delete(call.localId);
    call.last = observed;
    this.deps.report({ localId: call.localId, vendorCallId: call.sessionId, ...observed, sourceEvent: 'GET status' });
  }
}

function sameState(a: ObservedState, b: ObservedState | undefined): boolean {
  return b !== undefined && a.state === b.state && a.rawState === b.rawState;
}
