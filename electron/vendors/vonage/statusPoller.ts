import { AppError } from '../../../shared/errors';
import type { Logger } from '../adapter';
import { EXPIRED_DETAIL_VIEW, callView, type CallView } from './callMapping';
import type { VccCall } from './responses';

export interface StatusPollerOptions {
  intervalMs: number;
  /** Upper bound of the back-off after failed reads (429, network, 5xx). */
  maxBackoffMs?: number;
  read: (vendorCallId: string) => Promise<VccCall>;
  /** A change of state for one of our calls. */
  report: (call: { localId: string; vendorCallId: string }, view: CallView) => void;
  /** VCC refused the token even after renewing it: polling stops until the next resync. */
  authLost: (error: AppError) => void;
  log: Logger;
}

interface TrackedCall {
  localId: string;
  vendorCallId: string;
  timer: NodeJS.Timeout | undefined;
  reading: Promise<void> | undefined;
  lastReported: string | undefined;
  failures: number;
}

const viewKey = (view: CallView): string => `${view.state}|${view.rawState}`;

/**
 * VCC has no event stream: each call that is not over is read with `GET …/calls/{id}` every
 * `intervalMs`, and its reading stops for good once it is over. Nothing is ever read for a
 * call that is not tracked.
 */
export class StatusPoller {
  private readonly calls = new Map<string, TrackedCall>();
  private readonly maxBackoffMs: number;

  constructor(private readonly options: StatusPollerOptions) {
    this.maxBackoffMs = options.maxBackoffMs ?? Math.max(30_000, options.intervalMs);
  }

  get trackedCount(): number {
    return this.calls.size;
  }

  /** Starts polling a live call; `lastView` is what was already reported (so it is not repeated). */
  track(call: { localId: string; vendorCallId: string }, lastView?: CallView): void {
    if (this.calls.has(call.vendorCallId) || lastView?.final) return;
    const tracked: TrackedCall = {
      ...call,
      timer: undefined,
      reading: undefined,
      lastReported: lastView ? viewKey(lastView) : undefined,
      failures: 0,
    };
    this.calls.set(call.vendorCallId, tracked);
    this.schedule(tracked, this.options.intervalMs);
  }

  /** Reads a call now (tracking it if needed) and resolves once the read is done. */
  async readNow(call: { localId: string; vendorCallId: string }): Promise<void> {
    if (!this.calls.has(call.vendorCallId)) {
      this.calls.set(call.vendorCallId, { ...call, timer: undefined, reading: undefined, lastReported: undefined, failures: 0 });
    }
    const tracked = this.calls.get(call.vendorCallId);
    if (!tracked) return;
    if (tracked.reading) return tracked.reading;
    clearTimeout(tracked.timer);
    return this.poll(tracked);
  }

  stopAll(): void {
    for (const tracked of this.calls.values()) clearTimeout(tracked.timer);
    this.calls.clear();
  }

  private schedule(tracked: TrackedCall, delayMs: number): void {
    tracked.timer = setTimeout(() => void this.poll(tracked), delayMs);
    tracked.timer.unref();
  }

  private isCurrent(tracked: TrackedCall): boolean {
    return this.calls.get(tracked.vendorCallId) === tracked;
  }

  private poll(tracked: TrackedCall): Promise<void> {
    tracked.timer = undefined;
    tracked.reading = this.readOnce(tracked).finally(() => {
      tracked.reading = undefined;
    });
    return tracked.reading;
  }

  private async readOnce(tracked: TrackedCall): Promise<void> {
    let view: CallView | undefined;
    try {
      view = callView(await this.options.read(tracked.vendorCallId));
    } catch (error) {
      if (!this.isCurrent(tracked)) return;
      this.readFailed(tracked, error);
      return;
    }
    if (!this.isCurrent(tracked)) return;
    tracked.failures = 0;
    if (!view) {
      this.options.log.warn('vonage: call detail has neither status nor result', { callId: tracked.vendorCallId });
      this.schedule(tracked, this.options.intervalMs);
      return;
    }
    this.settle(tracked, view);
  }

  private settle(tracked: TrackedCall, view: CallView): void {
    const key = viewKey(view);
    if (key !== tracked.lastReported) {
      tracked.lastReported = key;
      this.options.report({ localId: tracked.localId, vendorCallId: tracked.vendorCallId }, view);
    }
    if (view.final) this.calls.delete(tracked.vendorCallId);
    else this.schedule(tracked, this.options.intervalMs);
  }

  private readFailed(tracked: TrackedCall, error: unknown): void {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (code === 'NOT_FOUND') {
      this.settle(tracked, EXPIRED_DETAIL_VIEW);
      return;
    }
    if (code === 'AUTH_FAILED' && error instanceof AppError) {
      this.stopAll();
      this.options.authLost(error);
      return;
    }
    tracked.failures += 1;
    const delay = Math.min(this.options.intervalMs * 2 ** tracked.failures, this.maxBackoffMs);
    this.options.log.warn('vonage: reading call status failed; trying again later', { callId: tracked.vendorCallId, code, retryInMs: delay });
    this.schedule(tracked, delay);
  }
}
