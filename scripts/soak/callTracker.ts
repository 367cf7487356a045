import { isFinalState, type CallState, type Vendor } from '../../shared/callModel';
import type { AppEvent } from '../../shared/ipc/contract';
import { numberKey } from './createTally';

/** What the soak keeps of a call: small, so its own memory does not blur the app's heap figures. */
export interface CallSummary {
  callId: string;
  vendor: Vendor;
  key: string;
  state: CallState;
  hasVendorCallId: boolean;
  failureCode: string | undefined;
}

type Waiter = { callId: string; match: (call: CallSummary) => boolean; resolve: (call: CallSummary | undefined) => void; timer: NodeJS.Timeout };

/** Follows `call.updated` and `session.updated` events the way the renderer does. */
export class CallTracker {
  private readonly calls = new Map<string, CallSummary>();
  private readonly byKey = new Map<string, string>();
  private readonly waiters = new Set<Waiter>();
  readonly sessionChanges = new Map<string, Map<string, number>>();

  onEvent(event: AppEvent): void {
    if (event.type === 'session.updated') {
      const counts = this.sessionChanges.get(event.session.profileId) ?? new Map<string, number>();
      counts.set(event.session.status, (counts.get(event.session.status) ?? 0) + 1);
      this.sessionChanges.set(event.session.profileId, counts);
      return;
    }
    if (event.type !== 'call.updated') return;
    const { call } = event;
    if (call.target.kind !== 'phone') return;
    const summary: CallSummary = {
      callId: call.id,
      vendor: call.vendor,
      key: numberKey(call.target.number),
      state: call.state,
      hasVendorCallId: call.vendorCallId !== undefined,
      failureCode: call.failure?.code,
    };
    this.calls.set(call.id, summary);
    this.byKey.set(summary.key, call.id);
    for (const waiter of [...this.waiters]) {
      if (waiter.callId === call.id && waiter.match(summary)) this.settle(waiter, summary);
    }
  }

  callIdOf(number: string): string | undefined {
    return this.byKey.get(numberKey(number));
  }

  get(callId: string): CallSummary | undefined {
    return this.calls.get(callId);
  }

  all(): CallSummary[] {
    return [...this.calls.values()];
  }

  /** The call once `match` holds for it, or undefined after `timeoutMs`. */
  until(callId: string, match: (call: CallSummary) => boolean, timeoutMs: number): Promise<CallSummary | undefined> {
    const known = this.calls.get(callId);
    if (known && match(known)) return Promise.resolve(known);
    return new Promise((resolve) => {
      const waiter: Waiter = { callId, match, resolve, timer: setTimeout(() => this.settle(waiter, undefined), timeoutMs) };
      this.waiters.add(waiter);
    });
  }

  private settle(waiter: Waiter, call: CallSummary | undefined): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(call);
  }
}

export const isSettled = (call: CallSummary): boolean => isFinalState(call.state);
