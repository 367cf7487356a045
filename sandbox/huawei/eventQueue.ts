import type { HuaweiEvent } from './events';

/** What one poll response carries: an emitted event, or something a tester injected. */
export type QueueItem =
  | { kind: 'event'; event: HuaweiEvent; workNo: string; emittedAt: number }
  /** Sent as the envelope's `event` value, whatever it is. */
  | { kind: 'injected-event'; event: unknown }
  /** Sent as the whole JSON body instead of the envelope. */
  | { kind: 'injected-body'; body: unknown }
  /** Sent verbatim as the body (malformed JSON included). */
  | { kind: 'injected-raw'; text: string };

/** The poll connection waiting for an event. */
export interface PollConnection {
  isAlive(): boolean;
  onClose(listener: () => void): void;
}

interface Waiter {
  connection: PollConnection;
  settle(item: QueueItem | null): void;
}

/**
 * An agent's FIFO event queue with at most one waiting long-poll. A newer poll supersedes a
 * waiting one (which is answered with no event), so no event is ever handed to a connection
 * the client has abandoned.
 */
export class EventQueue {
  private items: QueueItem[] = [];
  private waiter: Waiter | undefined;

  get length(): number {
    return this.items.length;
  }

  push(item: QueueItem): void {
    const waiter = this.waiter;
    if (waiter && waiter.connection.isAlive()) {
      this.waiter = undefined;
      waiter.settle(item);
      return;
    }
    this.items.push(item);
  }

  /** The next item now, or within `holdMs`; `null` when the hold ends, or the poll is superseded or closed. */
  take(holdMs: number, connection: PollConnection): Promise<QueueItem | null> {
    if (!connection.isAlive()) return Promise.resolve(null);
    const next = this.items.shift();
    if (next) return Promise.resolve(next);
    if (holdMs <= 0) return Promise.resolve(null);
    this.waiter?.settle(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.settle(null), holdMs);
      const waiter: Waiter = {
        connection,
        settle: (item) => {
          clearTimeout(timer);
          if (this.waiter === waiter) this.waiter = undefined;
          resolve(item);
        },
      };
      this.waiter = waiter;
      connection.onClose(() => waiter.settle(null));
    });
  }

  /** Ends a waiting poll at once (sign-out, reset). Queued items stay for a final drain. */
  wake(): void {
    this.waiter?.settle(null);
  }
}
