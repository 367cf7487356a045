import { z } from 'zod';
import type { FarEndOutcome } from '../../emulator';
import type { CallRecord } from '../calls/callRecord';
import type { GwsCallState } from '../calls/capabilities';
import type { UserData } from '../calls/userData';
import type { BayeuxHub } from '../cometd/bayeuxHub';
import type { SessionStore } from '../http/sessions';
import type { GenesysEmulatorOptions } from '../options';
import type { PublishListener, PublishedCallEvent } from '../tserver/publishedEvents';
import { ControlError, type FarEndAction, type TServer } from '../tserver/tserver';
import { startBurst, type BurstOptions, type BurstRun } from './burst';

/** Settings the control API can change at run time. */
export type EmulatorSettings = Pick<
  GenesysEmulatorOptions,
  'csrf' | 'cometdTimeoutMs' | 'publishDelayMs' | 'answerDelayMs' | 'noAnswerTimeoutMs' | 'farEnd'
>;

const DelayMsSchema = z.number().int().min(0).max(600_000);

export const SettingsPatchSchema = z
  .object({
    csrf: z.boolean(),
    cometdTimeoutMs: z.number().int().min(100).max(600_000),
    publishDelayMs: z.object({ min: DelayMsSchema, max: DelayMsSchema }).refine((range) => range.min <= range.max, 'min must not exceed max'),
    answerDelayMs: DelayMsSchema,
    noAnswerTimeoutMs: DelayMsSchema,
    farEnd: z.enum(['script', 'manual']),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const BurstOptionsSchema = z
  .object({
    calls: z.number().int().min(1).max(5_000),
    eventsPerCall: z.number().int().min(2).max(1_000),
    ratePerSecond: z.number().int().min(1).max(100_000).default(2_000),
    userName: z.string().min(1).optional(),
  })
  .strict();

/** What the control API tells about a call (more than GWS shows: outcome, DTMF, history). */
export interface CallSummary {
  id: string;
  connId: string;
  userName: string;
  direction: 'outbound' | 'inbound';
  remoteNumber: string;
  state: GwsCallState;
  states: GwsCallState[];
  userData: UserData;
  dtmf: string[];
  outcome?: FarEndOutcome;
}

export interface ControlDependencies {
  tserver: TServer;
  hub: BayeuxHub;
  sessions: SessionStore;
  settings: EmulatorSettings;
  /** Everything `POST /__sandbox/reset` does (faults and request log included). */
  resetAll: () => void;
}

const summarize = (call: CallRecord): CallSummary => ({
  id: call.id,
  connId: call.connId,
  userName: call.owner.userName,
  direction: call.direction,
  remoteNumber: call.remoteNumber,
  state: call.state,
  states: [...call.states],
  userData: structuredClone(call.userData),
  dtmf: [...call.dtmf],
  ...(call.outcome ? { outcome: call.outcome } : {}),
});

/**
 * Test control of the Genesys emulator, in process. Every method is also reachable over
 * HTTP under `/__sandbox/…` (controlRoutes.ts). Methods throw `ControlError` when the request
 * cannot apply (unknown call, wrong state, bad parameters).
 */
export class GenesysControl {
  private readonly bursts = new Set<BurstRun>();
  private burstSequence = 0;

  constructor(private readonly deps: ControlDependencies) {}

  /** The far end answers a Dialing call → `Established`. */
  answer(callId: string): CallSummary {
    return this.farEnd(callId, 'answer');
  }

  /** The far end is busy → `Released`. */
  busy(callId: string): CallSummary {
    return this.farEnd(callId, 'busy');
  }

  /** The far end never answers; released now rather than after the timeout. */
  noAnswer(callId: string): CallSummary {
    return this.farEnd(callId, 'noanswer');
  }

  /** The far end hangs up a call in any live state → `Released`. */
  remoteHangup(callId: string): CallSummary {
    return this.farEnd(callId, 'remote-hangup');
  }

  farEnd(callId: string, action: FarEndAction): CallSummary {
    return summarize(this.deps.tserver.farEnd(callId, action));
  }

  /** An `Error` notification on the call, state unchanged. */
  fail(callId: string, errorMessage: string, errorCode?: number): CallSummary {
    return summarize(this.deps.tserver.fail(callId, errorCode === undefined ? { errorMessage } : { errorMessage, errorCode }));
  }

  /** An inbound call from `from`, ringing on the user's device (first user by default). */
  inbound(from: string, userName?: string): CallSummary {
    if (from.length === 0) throw new ControlError(400, 'from is required');
    return summarize(this.deps.tserver.inbound(from, userName));
  }

  /**
   * Invalidates every CometD client (HTTP sessions stay valid): held long-polls return, and
   * the next `/meta/connect` gets `402::Unknown client` with advice `reconnect: handshake`.
   */
  dropEventStream(): number {
    return this.deps.hub.closeAll();
  }

  /**
   * Invalidates the HTTP sessions (of one user when given) and their CometD clients: the
   * next request without Basic credentials gets 403 statusCode 20.
   */
  expireSession(userName?: string): number {
    return this.deps.sessions.invalidateAll(userName);
  }

  emitBurst(options: z.input<typeof BurstOptionsSchema>): BurstRun {
    const parsed = BurstOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ControlError(400, parsed.error.issues[0]?.message ?? 'invalid burst');
    const burstOptions: BurstOptions = parsed.data;
    const user = this.deps.tserver.userNamed(burstOptions.userName);
    if (!user) throw new ControlError(404, `No user '${burstOptions.userName ?? ''}'`);
    const run = startBurst(this.deps.tserver, user, burstOptions, this.burstSequence);
    this.burstSequence += burstOptions.calls;
    this.bursts.add(run);
    void run.done.then(() => this.bursts.delete(run));
    return run;
  }

  calls(): CallSummary[] {
    return this.deps.tserver.allCalls().map(summarize);
  }

  call(callId: string): CallSummary | undefined {
    return this.calls().find((call) => call.id === callId);
  }

  /** Published call events (all, or one call's), with their publication times. */
  events(callId?: string): PublishedCallEvent[] {
    return this.deps.tserver.published.list(callId);
  }

  /** Called with `(callId, state, atMs, notificationType)` as each call event is published. */
  onPublish(listener: PublishListener): () => void {
    return this.deps.tserver.published.subscribe(listener);
  }

  settings(patch: SettingsPatch = {}): EmulatorSettings {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw new ControlError(400, parsed.error.issues[0]?.message ?? 'invalid settings');
    Object.assign(this.deps.settings, parsed.data);
    if (parsed.data.cometdTimeoutMs !== undefined) this.deps.hub.setTimeout(parsed.data.cometdTimeoutMs);
    return structuredClone(this.deps.settings);
  }

  /** Same as `POST /__sandbox/reset`. */
  reset(): void {
    this.deps.resetAll();
  }

  /** Stops running bursts (part of reset and close). */
  stopBursts(): void {
    for (const run of this.bursts) run.stop();
    this.bursts.clear();
  }
}
