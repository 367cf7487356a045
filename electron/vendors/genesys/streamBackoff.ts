import type { CometD, Message } from 'cometd';

/** What CometD decided after a failed Bayeux request: how, and after how long, to try again. */
export interface BayeuxFailureInfo {
  action?: string;
  delay?: number;
  [key: string]: unknown;
}

declare module 'cometd' {
  interface CometD {
    /**
     * CometD's hook for transport failures (public in the JavaScript client, overridable in
     * the Java one): it settles `failureInfo.action` and `failureInfo.delay`, then calls
     * `handler`, which schedules the retry.
     */
    onTransportFailure(message: Message, failureInfo: BayeuxFailureInfo, handler: (failureInfo: BayeuxFailureInfo) => void): void;
    /** Public in the client, missing from its type declarations. */
    resetBackoffPeriod(): void;
  }
}

export interface StreamBackoff {
  /** CometD adds this much to its back-off after each failure in a row... */
  incrementMs: number;
  /** ...up to this. */
  maxMs: number;
}

/**
 * Equal jitter: half the back-off fixed, half random, so the agents of a site whose GWS
 * restarted do not all come back in the same instant. A zero delay (the immediate
 * re-handshake after `402::Unknown client`) stays zero.
 */
export function jitteredDelayMs(delayMs: number, random: () => number): number {
  if (delayMs <= 0) return 0;
  return Math.round(delayMs / 2 + (random() * delayMs) / 2);
}

/**
 * Jitters every retry CometD schedules (its own back-off, bounded by `StreamBackoff` in the
 * configuration, is the same for every client); `onRetry` sees each retry as scheduled.
 */
export function useJitteredBackoff(
  cometd: CometD,
  random: () => number,
  onRetry: (retry: { action: string; delayMs: number; backoffMs: number }) => void,
): void {
  const decide = cometd.onTransportFailure.bind(cometd);
  cometd.onTransportFailure = (message, failureInfo, handler) =>
    decide(message, failureInfo, (decided) => {
      const backoffMs = decided.delay ?? 0;
      decided.delay = jitteredDelayMs(backoffMs, random);
      if (decided.action === 'retry' || decided.action === 'handshake') onRetry({ action: decided.action, delayMs: decided.delay, backoffMs });
      handler(decided);
    });
}
