import { AppEventSchema, type AppEvent } from '../../../shared/ipc/contract';

/**
 * Fan-out of main's events to every transport. Each event is parsed against the contract
 * on the way out, so nothing outside it (a secret in a stray field) reaches a renderer.
 */
export class EventBus {
  private readonly listeners = new Set<(event: AppEvent) => void>();

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AppEvent): void {
    const safe = AppEventSchema.parse(event);
    for (const listener of this.listeners) listener(safe);
  }
}
