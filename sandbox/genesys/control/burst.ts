import type { CallRecord } from '../calls/callRecord';
import type { GwsCallState } from '../calls/capabilities';
import type { GenesysUser } from '../options';
import type { TServer } from '../tserver/tserver';

export interface BurstOptions {
  calls: number;
  /** Events per call, at least 2: `Dialing` first, `Released` last. */
  eventsPerCall: number;
  /** Total events per second across all calls. */
  ratePerSecond: number;
  userName?: string;
}

export interface BurstRun {
  callIds: string[];
  totalEvents: number;
  /** Settles when the last event is published, or when the burst is stopped. */
  done: Promise<void>;
  stop(): void;
}

/**
 * The states one burst call goes through: `Dialing`, then `Established` and `Held` taking
 * turns, then `Released` — every step a transition the call's capabilities allow.
 */
export function burstScript(eventsPerCall: number): GwsCallState[] {
  const middle = Array.from({ length: eventsPerCall - 2 }, (_, index): GwsCallState => (index % 2 === 0 ? 'Established' : 'Held'));
  return ['Dialing', ...middle, 'Released'];
}

/** Numbers from Ofcom's drama range (020 7946 0000–0999): never a real subscriber. */
export const burstNumber = (sequence: number): string => `+44207946${String(sequence % 1000).padStart(4, '0')}`;

const TICK_MS = 5;

/**
 * Publishes `calls × eventsPerCall` events at `ratePerSecond`, round-robin over the calls so
 * they are all in progress at once. Calls exist (state Dialing) before their first event.
 */
export function startBurst(tserver: TServer, user: GenesysUser, options: BurstOptions, firstSequence: number): BurstRun {
  const script = burstScript(options.eventsPerCall);
  const calls: CallRecord[] = Array.from({ length: options.calls }, (_, index) => tserver.createScriptedCall(user, burstNumber(firstSequence + index)));
  const totalEvents = options.calls * options.eventsPerCall;
  const startedAt = Date.now();
  let emitted = 0;
  let timer: NodeJS.Timeout | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const stopTicking = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const stop = (): void => {
    stopTicking();
    finish();
  };

  const tick = (): void => {
    const due = Math.min(totalEvents, Math.floor(((Date.now() - startedAt) * options.ratePerSecond) / 1000) + 1);
    for (; emitted < due; emitted += 1) {
      const call = calls[emitted % options.calls];
      const state = script[Math.floor(emitted / options.calls)];
      if (!call || !state) continue;
      const afterPublish = emitted === totalEvents - 1 ? finish : undefined;
      if (state === 'Dialing') tserver.publishState(call, afterPublish);
      else if (!tserver.advance(call, state, afterPublish)) afterPublish?.();
    }
    if (emitted >= totalEvents) stopTicking();
  };

  timer = setInterval(tick, TICK_MS);
  tick();
  return { callIds: calls.map((call) => call.id), totalEvents, done, stop };
}
