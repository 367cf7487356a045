import type { CallRecord, CallState } from '../../../../shared/callModel';
import { callName } from '../calls/callText';

export type OutcomeKind = 'connected' | 'failed' | 'unknown';

/** A call's outcome worth a desktop notification. */
export interface CallOutcome {
  kind: OutcomeKind;
  callId: string;
  /** "Call to +44 20 7206 8888". */
  name: string;
  /** The vendor's words for a failure. */
  detail?: string;
}

export interface DesktopNotice {
  title: string;
  body: string;
  /** The call to show when the notice is clicked (a summary has none). */
  callId?: string;
}

const KIND_OF: Partial<Record<CallState, OutcomeKind>> = { connected: 'connected', failed: 'failed', unknown: 'unknown' };

/**
 * Turns the stream of call updates into outcomes: a call entering connected, failed or
 * unknown, once per entry. A call resumed from hold did not "connect", and calls the page
 * first hears of although they began before it loaded (a reload mid-call) are not news.
 */
export class CallOutcomeTracker {
  private readonly last = new Map<string, CallState>();

  constructor(private readonly since: number) {}

  observe(call: CallRecord): CallOutcome | undefined {
    const before = this.last.get(call.id);
    this.last.set(call.id, call.state);
    const kind = KIND_OF[call.state];
    if (!kind || before === call.state) return undefined;
    if (before === undefined && call.createdAt < this.since) return undefined;
    if (kind === 'connected' && before === 'held') return undefined;
    return { kind, callId: call.id, name: callName(call), ...(call.failure ? { detail: call.failure.message } : {}) };
  }
}

const SINGLE_TITLE: Record<OutcomeKind, string> = {
  connected: 'Call connected',
  failed: 'Call failed',
  unknown: 'Call outcome unknown',
};

const PLURAL: Record<OutcomeKind, (count: number) => string> = {
  connected: (count) => `${count} ${count === 1 ? 'call' : 'calls'} connected`,
  failed: (count) => `${count} failed`,
  unknown: (count) => `${count} with an unknown outcome`,
};

const NAMES_SHOWN = 3;

function single(outcome: CallOutcome): DesktopNotice {
  return { title: SINGLE_TITLE[outcome.kind], body: outcome.detail ? `${outcome.name}: ${outcome.detail}` : outcome.name, callId: outcome.callId };
}

/** "3 calls connected, 1 failed" — failures named first, since those need the agent. */
function summary(outcomes: readonly CallOutcome[]): DesktopNotice {
  if (outcomes.length === 1 && outcomes[0]) return single(outcomes[0]);
  const count = (kind: OutcomeKind): number => outcomes.filter((outcome) => outcome.kind === kind).length;
  const connected = count('connected');
  const parts = (['connected', 'failed', 'unknown'] as const).filter((kind) => count(kind) > 0).map((kind) => PLURAL[kind](count(kind)));
  const title = connected === 0 ? `${outcomes.length} calls: ${parts.join(', ')}` : parts.join(', ');
  const ordered = [...outcomes.filter((outcome) => outcome.kind !== 'connected'), ...outcomes.filter((outcome) => outcome.kind === 'connected')];
  const names = ordered.slice(0, NAMES_SHOWN).map((outcome) => `${outcome.name} — ${SINGLE_TITLE[outcome.kind].replace('Call ', '')}`);
  const more = outcomes.length - NAMES_SHOWN;
  return { title, body: more > 0 ? `${names.join('\n')}\nand ${more} more` : names.join('\n') };
}

/**
 * At most one notification per window: the first outcome after a quiet spell shows at once;
 * outcomes during the window wait and show as one summary when it ends. A burst of fifty
 * connects is two notifications, not fifty.
 */
export class NoticeCoalescer {
  private quietUntil = Number.NEGATIVE_INFINITY;
  private pending: CallOutcome[] = [];

  constructor(private readonly windowMs: number) {}

  /** The notice to show now, if this outcome may show at once. */
  push(outcome: CallOutcome, now: number): DesktopNotice | undefined {
    if (this.pending.length === 0 && now >= this.quietUntil) {
      this.quietUntil = now + this.windowMs;
      return single(outcome);
    }
    this.pending.push(outcome);
    return undefined;
  }

  /** When `flush` has something to show. */
  due(): number | undefined {
    return this.pending.length > 0 ? this.quietUntil : undefined;
  }

  flush(now: number): DesktopNotice | undefined {
    if (this.pending.length === 0 || now < this.quietUntil) return undefined;
    const notice = summary(this.pending);
    this.pending = [];
    this.quietUntil = now + this.windowMs;
    return notice;
  }

  /** The agent is back at the window: what waited is on screen already. */
  drop(): void {
    this.pending = [];
  }
}
