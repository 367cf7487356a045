import { setTimeout as sleep } from 'node:timers/promises';
import { HUAWEI_SESSION_LOST_RETCODES } from '../../../shared/vendors/huaweiLimits';
import type { Logger } from '../adapter';
import type { SessionLoss } from './agentSession';
import { GatewayResponseError, NoSessionError, type GatewayClient, type GatewayReply } from './gatewayClient';
import { AgentEventSchema, type AgentEvent } from './wire';

export interface PollTimings {
  /** Pause after a poll that ended without an event. */
  emptyPollDelayMs: number;
  /** First delay after a failed poll; doubles per failure up to `backoffMaxMs`, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface EventPollerHandlers {
  /** Returns the loss when the event means the gateway signed the agent out. May throw: the event is skipped. */
  onEvent(event: AgentEvent): SessionLoss | void;
  onEmpty(): void;
  /** Resolves true once the agent is signed in again, false to stop polling. */
  onSessionLost(loss: SessionLoss): Promise<boolean>;
  onTransportTrouble(reason: string): void;
  onTransportRecovered(): void;
}

/** A session-lost `retcode` (100-006 / 000-003) as a loss. */
export const sessionLoss = (retcode: string): SessionLoss => ({ cause: `retcode ${retcode}`, guidRefused: retcode === '000-003' });

/** Equal jitter: half the exponential delay fixed, half random, so many clients do not retry in step. */
export function backoffDelayMs(failures: number, timings: Pick<PollTimings, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number): number {
  const ceiling = Math.min(timings.backoffMaxMs, timings.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The agent's one event-poll loop, which is also its heartbeat (vendors/huawei.md §4, §6
 * rule 4). There is a single loop object per agent: `start()` while a loop runs does
 * nothing, and a loop started after `stop()` waits until the previous loop has returned from
 * its last poll, so the gateway never holds two polls of this agent. Re-sign-in happens
 * inside the loop (it waits for `onSessionLost`), never by starting a second loop.
 */
export class EventPoller {
  private generation = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private pauses = new AbortController();
  /** Aborted by `reconnectNow()`: ends the poll in flight or the pause, and the loop polls again at once. */
  private wake = new AbortController();

  constructor(
    private readonly client: GatewayClient,
    private readonly handlers: EventPollerHandlers,
    private readonly timings: PollTimings,
    private readonly log: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    const pauses = (this.pauses = new AbortController());
    this.loop = this.loop
      .then(() => this.run(generation, pauses.signal))
      .catch((error: unknown) => this.log.error('Huawei event poll loop failed', { reason: (error as Error).message }))
      .finally(() => {
        // A loop that ended on its own (the agent stays signed out) lets the next sign-in start one.
        if (generation === this.generation) this.running = false;
      });
  }

  /**
   * Cuts the poll in flight (after a sleep it may hang on a connection that died) or the
   * back-off pause, and polls again now. Still one poll at a time: the next one starts only
   * once the cut one has failed.
   */
  reconnectNow(): void {
    if (this.running) this.wake.abort();
  }

  /** Ends the loop after its current poll returns; resolves when it has. Pauses end at once. */
  stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.generation += 1;
      this.pauses.abort();
    }
    return this.loop;
  }

  private async run(generation: number, pauses: AbortSignal): Promise<void> {
    const live = (): boolean => generation === this.generation;
    let failures = 0;
    let troubled = false;
    const pause = (ms: number): Promise<void> => sleep(ms, undefined, { signal: AbortSignal.any([pauses, this.wake.signal]) }).catch(() => undefined);
    const recover = async (loss: SessionLoss): Promise<boolean> => {
      failures = 0;
      return (await this.handlers.onSessionLost(loss)) && live();
    };

    while (live()) {
      if (this.wake.signal.aborted) this.wake = new AbortController();
      const wake = this.wake.signal;
      let reply: GatewayReply;
      try {
        reply = await this.client.poll(wake);
      } catch (error) {
        if (!live()) return;
        if (wake.aborted) continue;
        if (error instanceof NoSessionError) {
          if (!(await recover({ cause: 'the session ended', guidRefused: false }))) return;
          continue;
        }
        failures += 1;
        // The gateway is there but said something unreadable: skip it, as a malformed event is skipped.
        if (error instanceof GatewayResponseError && error.kind === 'malformed') {
          this.log.warn('Skipped a Huawei poll answer that is not the gateway\u2019s envelope', { status: error.status });
          await pause(backoffDelayMs(failures, this.timings, this.random));
          continue;
        }
        troubled = true;
        this.handlers.onTransportTrouble((error as Error).message);
        await pause(backoffDelayMs(failures, this.timings, this.random));
        continue;
      }
      if (!live()) return;
      if (troubled) {
        troubled = false;
        this.handlers.onTransportRecovered();
      }

      if (HUAWEI_SESSION_LOST_RETCODES.includes(reply.retcode)) {
        // The poll went out before a re-sign-in or GUID change that has happened since: poll again with the new session.
        if (!this.client.isCurrent(reply.sentIn)) continue;
        if (!(await recover(sessionLoss(reply.retcode)))) return;
        continue;
      }
      if (reply.retcode !== '0') {
        failures += 1;
        this.log.warn('Huawei event poll refused', { retcode: reply.retcode, message: reply.message });
        await pause(backoffDelayMs(failures, this.timings, this.random));
        continue;
      }
      failures = 0;

      if (reply.event === null) {
        this.handlers.onEmpty();
        await pause(this.timings.emptyPollDelayMs);
        continue;
      }
      const signedOut = this.deliver(reply.event);
      if (signedOut && !(await recover(signedOut))) return;
    }
  }

  /** Hands one event over; a malformed one is logged and skipped. Returns the loss when the agent was signed out. */
  private deliver(raw: unknown): SessionLoss | undefined {
    const parsed = AgentEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.log.warn('Skipped a Huawei event that is not an event object', { issue: parsed.error.issues[0]?.message });
      return undefined;
    }
    try {
      return this.handlers.onEvent(parsed.data) ?? undefined;
    } catch (error) {
      this.log.warn('Skipped a Huawei event the softphone could not handle', { eventType: parsed.data.eventType, reason: (error as Error).message });
      return undefined;
    }
  }
}
