import type { GwsCallState } from '../calls/capabilities';
import type { CallNotificationType } from '../resources';

/** One call event handed to the Bayeux servers. */
export interface PublishedCallEvent {
  callId: string;
  state: GwsCallState;
  notificationType: CallNotificationType;
  /** Epoch milliseconds (sub-millisecond precision) when it was published. */
  at: number;
}

export type PublishListener = (callId: string, state: GwsCallState, atMs: number, notificationType: CallNotificationType) => void;

const CAPACITY = 100_000;

/** What was published and when, for event-to-screen latency and ordering checks. */
export class PublishedEvents {
  private entries: PublishedCallEvent[] = [];
  private readonly listeners = new Set<PublishListener>();

  record(event: PublishedCallEvent): void {
    this.entries.push(event);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    for (const listener of this.listeners) listener(event.callId, event.state, event.at, event.notificationType);
  }

  list(callId?: string): PublishedCallEvent[] {
    return callId === undefined ? [...this.entries] : this.entries.filter((event) => event.callId === callId);
  }

  subscribe(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.entries = [];
  }
}
