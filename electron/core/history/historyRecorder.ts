import { isFinalState, type CallRecord } from '../../../shared/callModel';
import type { HistoryEntry, RedialRequest } from '../../../shared/history';
import type { DialRequest } from '../../../shared/ipc/contract';
import type { HistoryStore } from './historyStore';

export interface HistoryRecorderDeps {
  store: HistoryStore;
  /** The profile's label now, or undefined once it is gone. */
  profileLabel(profileId: string): string | undefined;
  /** Whether the registry still holds this call (a refused dial is discarded without a trace). */
  callKnown(callId: string): boolean;
  appended(entry: HistoryEntry): void;
  now?: () => number;
}

/**
 * Writes one history entry per call: when it reaches a final state, or at shutdown for a
 * call that never did (an unknown outcome, or a call still up when the app closed). The dial
 * request is remembered when the call is created so the entry can redial it exactly.
 */
export class HistoryRecorder {
  private readonly requests = new Map<string, RedialRequest>();
  private readonly now: () => number;

  constructor(private readonly deps: HistoryRecorderDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Requests of calls not yet written (for diagnostics: it must not grow with refused dials). */
  get pendingRequests(): number {
    return this.requests.size;
  }

  /** Called by the dial service as it creates the call, before the vendor is asked. */
  dialing(callId: string, request: DialRequest): void {
    // Dials refused before anything was sent leave no call behind; forget their requests.
    for (const known of this.requests.keys()) if (!this.deps.callKnown(known)) this.requests.delete(known);
    this.requests.set(callId, redialOf(request));
  }

  callUpdated(call: CallRecord): void {
    if (isFinalState(call.state)) this.record(call, 'final');
  }

  /** At shutdown: every call that has not reached a final state is written as it stands. */
  recordUnfinished(calls: readonly CallRecord[]): void {
    for (const call of calls) if (!isFinalState(call.state)) this.record(call, 'shutdown');
  }

  private record(call: CallRecord, when: HistoryEntry['recordedWhen']): void {
    if (this.deps.store.has(call.id)) return;
    const redial = this.requests.get(call.id) ?? callBack(call);
    this.requests.delete(call.id);
    const entry: HistoryEntry = {
      call,
      profileLabel: this.deps.profileLabel(call.profileId) ?? call.profileId,
      recordedAt: this.now(),
      recordedWhen: when,
      ...(redial ? { redial } : {}),
    };
    if (this.deps.store.append(entry)) this.deps.appended(entry);
  }
}

export function redialOf(request: DialRequest): RedialRequest {
  return {
    profileId: request.profileId,
    target: request.target,
    ...(request.from ? { from: request.from } : {}),
    ...(request.options ? { options: request.options } : {}),
    ...(request.schedule ? { scheduleKind: request.schedule.kind } : {}),
  };
}

/** A call this app did not place (inbound, or found by a resync) can be called back on its profile. */
function callBack(call: CallRecord): RedialRequest | undefined {
  if (call.target.kind === 'phone' && !call.target.number) return undefined;
  return { profileId: call.profileId, target: call.target };
}
