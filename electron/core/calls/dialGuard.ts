import type { CallTarget } from '../../../shared/callModel';

const INTENTS_KEPT = 5_000;

/**
 * How long after a dial to a target a new intent for the same target still counts as the
 * same one. Each repeat restarts it, so hammering Call or holding Enter down places one call
 * however long it goes on; a deliberate redial a moment later places a new one.
 */
export const REPEAT_WINDOW_MS = 2_000;

interface RecentDial {
  callId: string;
  until: number;
}

/**
 * One user intent places at most one call. An intent id seen before maps to the call it
 * made; a second intent for the same profile and target while the first is still being
 * sent, or within the repeat window after it was sent (a double click, key repeat, the same
 * tel: link opened twice), joins that call.
 */
export class DialGuard {
  private readonly intents = new Map<string, string>();
  private readonly inFlight = new Map<string, string>();
  private readonly recent = new Map<string, RecentDial>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly repeatWindowMs = REPEAT_WINDOW_MS,
  ) {}

  /** The call this intent already made or joins, if any. */
  existing(intentId: string, profileId: string, target: CallTarget): string | undefined {
    const key = targetKey(profileId, target);
    const known = this.intents.get(intentId) ?? this.inFlight.get(key);
    if (known !== undefined) return known;
    const recent = this.recent.get(key);
    if (recent === undefined) return undefined;
    const now = this.now();
    if (now >= recent.until) {
      this.recent.delete(key);
      return undefined;
    }
    recent.until = now + this.repeatWindowMs;
    return recent.callId;
  }

  /**
   * Returns the release, called once the vendor request has been answered or has failed,
   * saying whether a call may exist: only then do repeats of the target keep joining it (a
   * refused dial may be tried again at once).
   */
  begin(intentId: string, profileId: string, target: CallTarget, callId: string): (mayHavePlaced: boolean) => void {
    this.forgetExpired();
    this.intents.set(intentId, callId);
    if (this.intents.size > INTENTS_KEPT) {
      const oldest = this.intents.keys().next().value;
      if (oldest !== undefined) this.intents.delete(oldest);
    }
    const key = targetKey(profileId, target);
    this.inFlight.set(key, callId);
    return (mayHavePlaced) => {
      if (this.inFlight.get(key) === callId) this.inFlight.delete(key);
      if (mayHavePlaced) this.recent.set(key, { callId, until: this.now() + this.repeatWindowMs });
    };
  }

  /** A request refused before anything was sent may be tried again under the same intent. */
  forget(intentId: string): void {
    this.intents.delete(intentId);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, recent] of this.recent) if (now >= recent.until) this.recent.delete(key);
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
