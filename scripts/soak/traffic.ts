import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Vendor } from '../../shared/callModel';
import type { SoftphoneCore } from '../../electron/core/softphoneCore';
import { isSettled, type CallSummary, type CallTracker } from './callTracker';
import { NOT_READABLE_WITHOUT_ID } from './invariants';
import type { SeededRandom } from './random';
import type { ShiftPlan } from './shiftPlan';

/** How long a caller waits for one call to be answered or to end before moving on. */
const CALL_WAIT_MS = 20_000;
/** A hang-up refused while the session reconnects is tried again, as an agent would. */
const HANGUP_ATTEMPTS = 20;
const HANGUP_RETRY_MS = 500;

/** Every intent dials a number of its own: a counter, then a last digit that picks the far end (8 no answer, 9 busy). */
const NUMBER_FORMS: Readonly<Record<Vendor, (serial: string, last: number) => string>> = {
  genesys: (serial, last) => `7${serial}${last}`,
  huawei: (serial, last) => `6${serial}${last}`,
  vonage: (serial, last) => `+44207${serial}${last}`,
  iovox: (serial, last) => `+44970${serial}${last}`,
  oracle: (serial, last) => `+1202${serial}${last}`,
};

/** Vendors whose agents hang up themselves; on the others the far end (or the vendor) ends the call. */
const AGENT_HANGS_UP: ReadonlySet<Vendor> = new Set<Vendor>(['genesys', 'huawei']);

/** VCC calls are placed from an agent, who is busy while in a call: each caller uses its own. */
const VONAGE_AGENTS = ['1234', '4567', '5464', '10'];

export interface Caller {
  profileId: string;
  vendor: Vendor;
  fromAgent?: string;
}

export interface TrafficStats {
  /** Dials refused before anything was sent (a Huawei agent still on a call, say): no call record. */
  notSent: number;
}

export function callersOf(plan: ShiftPlan, vendorOf: (profileId: string) => Vendor): Caller[] {
  return Object.entries(plan.callers).flatMap(([profileId, count]) =>
    Array.from({ length: count }, (_, index) => {
      const vendor = vendorOf(profileId);
      const fromAgent = vendor === 'vonage' ? VONAGE_AGENTS[index % VONAGE_AGENTS.length] : undefined;
      return { profileId, vendor, ...(fromAgent ? { fromAgent } : {}) };
    }),
  );
}

/** A call no resync can settle any more, or one that is over. */
const done = (call: CallSummary): boolean => isSettled(call) || (call.state === 'unknown' && !call.hasVendorCallId && NOT_READABLE_WITHOUT_ID.has(call.vendor));

export class Traffic {
  readonly stats: TrafficStats = { notSent: 0 };
  private readonly serials: Record<Vendor, number> = { genesys: 0, huawei: 0, vonage: 0, iovox: 0, oracle: 0 };

  constructor(
    private readonly core: SoftphoneCore,
    private readonly tracker: CallTracker,
    private readonly random: SeededRandom,
    private readonly plan: ShiftPlan,
  ) {}

  /** Every caller places calls one after the other until `until`, then finishes the call it is on. */
  run(callers: readonly Caller[], until: number): Promise<void> {
    return Promise.all(callers.map((caller) => this.callAway(caller, until))).then(() => undefined);
  }

  private async callAway(caller: Caller, until: number): Promise<void> {
    while (Date.now() < until) {
      await sleep(this.random.int(...this.plan.thinkMs));
      if (Date.now() >= until) return;
      await this.placeCall(caller);
    }
  }

  private nextNumber(vendor: Vendor): string {
    this.serials[vendor] += 1;
    const roll = this.random.next();
    const last = roll < 0.075 ? 8 : roll < 0.15 ? 9 : this.random.int(0, 7);
    return NUMBER_FORMS[vendor](String(this.serials[vendor]).padStart(6, '0'), last);
  }

  private async placeCall(caller: Caller): Promise<void> {
    const number = this.nextNumber(caller.vendor);
    const outcome = await this.core.dispatch('call.dial', {
      profileId: caller.profileId,
      intentId: randomUUID(),
      target: { kind: 'phone', input: number, number },
      ...(caller.fromAgent ? { from: { agentId: caller.fromAgent } } : {}),
    });
    const callId = outcome.ok ? (outcome.value as { callId: string }).callId : this.tracker.callIdOf(number);
    if (callId === undefined) {
      this.stats.notSent += 1;
      return;
    }
    const reached = await this.tracker.until(callId, (call) => done(call) || call.state === 'connected' || call.state === 'held', CALL_WAIT_MS);
    if (reached && !done(reached) && AGENT_HANGS_UP.has(caller.vendor)) await this.hangUpAfterTalking(callId);
    await this.tracker.until(callId, done, CALL_WAIT_MS);
  }

  /** End of the shift: the agent hangs up whatever is still going on. */
  async hangUpEverything(): Promise<void> {
    const live = this.tracker.all().filter((call) => !done(call) && AGENT_HANGS_UP.has(call.vendor));
    await Promise.all(live.map((call) => this.hangUp(call.callId)));
  }

  private async hangUpAfterTalking(callId: string): Promise<void> {
    await sleep(this.random.int(...this.plan.talkMs));
    await this.hangUp(callId);
  }

  private async hangUp(callId: string): Promise<void> {
    for (let attempt = 0; attempt < HANGUP_ATTEMPTS; attempt += 1) {
      const call = this.tracker.get(callId);
      if (call && done(call)) return;
      const outcome = await this.core.dispatch('call.hangup', { callId });
      if (outcome.ok) return;
      await sleep(HANGUP_RETRY_MS);
    }
  }
}
