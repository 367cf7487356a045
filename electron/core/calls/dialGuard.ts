import type { CallTarget } from '../../../shared/callModel';

const INTENTS_KEPT = 5_000;

/**
 * One user intent places at most one call. An intent id seen before maps to the call it
 * made; a second intent for the same profile and target while the first is still being
 * sent (a double click, key repeat, the same tel: link opened twice) joins that call.
 */
export class DialGuard {
  private readonly intents = new Map<string, string>();
  private readonly inFlight = new Map<string, string>();

  /** The call this intent already made or joins, if any. */
  existing(intentId: string, profileId: string, target: CallTarget): string | undefined {
    return this.intents.get(intentId) ?? this.inFlight.get(targetKey(profileId, target));
  }

  begin(intentId: string, profileId: string, target: CallTarget, callId: string): () => void {
    this.intents.set(intentId, callId);
    if (this.intents.size > INTENTS_KEPT) {
      const oldest = this.intents.keys().next().value;
      if (oldest !== undefined) this.intents.delete(oldest);
    }
    const key = targetKey(profileId, target);
    this.inFlight.set(key, callId);
    return () => {
      if (this.inFlight.get(key) === callId) this.inFlight.delete(key);
    };
  }

  /** A request refused before anything was sent may be tried again under the same intent. */
  forget(intentId: string): void {
    this.intents.delete(intentId);
  }
}

export function targetKey(profileId: string, target: CallTarget): string {
  switch (target.kind) {
    case 'phone':
      return `${profileId}|phone|${target.number}|${target.postDial ?? ''}`;
    case 'agent':
      return `${profileId}|agent|${target.agentId}`;
    case 'groups':
      return `${profileId}|groups|${[...target.groupIds].sort().join(',')}`;
  }
}
