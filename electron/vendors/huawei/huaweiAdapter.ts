import { isFinalState } from '../../../shared/callModel';
import { POST_DIAL_PAUSE_MS } from '../../../shared/dialString';
import { AppError } from '../../../shared/errors';
import type { Directory } from '../../../shared/session';
import { HUAWEI_CAPABILITIES } from '../../../shared/vendors/huawei';
import { HUAWEI_FIELD_RULES, HUAWEI_SESSION_LOST_RETCODES } from '../../../shared/vendors/huaweiLimits';
import type { CallObservation, CallRef, DialIntent, VendorAdapter } from '../adapter';
import { TransportError } from '../http/httpClient';
import type { AdapterDeps } from '../vendorModule';
import { AgentSession, type SessionLoss } from './agentSession';
import { CallCorrelator } from './callCorrelator';
import { planDial } from './dialPlan';
import { notSignedIn, outcomeUnknown, refusal, unreachable } from './errors';
import { interpretEvent } from './eventMapping';
import { EventPoller, sessionLoss } from './eventPoller';
import { GatewayClient, NoSessionError, type GatewayOperation, type GatewayReply } from './gatewayClient';
import { dtmfChunks, PostDialPlayer } from './postDialPlayer';
import type { HuaweiProfile } from './profile';
import { parseCallId, parseCallInfo, parseSkills, type AgentEvent } from './wire';

export interface HuaweiTimings {
  /** Deadline of an operation (callout, hold, ...). */
  requestTimeoutMs: number;
  /** Deadline of one event poll; must exceed the gateway's hold (~10 s). */
  pollTimeoutMs: number;
  emptyPollDelayMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Length of one `,` in post-dial digits. */
  postDialPauseMs: number;
  /**
   * How long a callout without a usable answer may still be executing at the gateway. After
   * it, a resync that finds no call settles the call as failed (not placed, or over before the
   * gateway reported it); when the call was placed, its events bind it long before that.
   */
  unclearGraceMs: number;
}

export const DEFAULT_HUAWEI_TIMINGS: HuaweiTimings = {
  requestTimeoutMs: 10_000,
  pollTimeoutMs: 30_000,
  emptyPollDelayMs: 200,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  postDialPauseMs: POST_DIAL_PAUSE_MS,
  unclearGraceMs: 60_000,
};

export interface HuaweiAdapterOptions {
  timings?: Partial<HuaweiTimings>;
  random?: () => number;
}

/** Timers and the wall clock may disagree by a millisecond or two; the settling resync comes safely after the grace. */
const UNCLEAR_CHECK_MARGIN_MS = 50;

/** Answers to callout/callinner that do not say whether the call was placed (vendors/huawei.md §6 rule 6). */
const OUTCOME_UNCERTAIN_RETCODES: readonly string[] = ['100-007', '000-007'];

export function createHuaweiAdapter(profile: HuaweiProfile, deps: AdapterDeps, options: HuaweiAdapterOptions = {}): VendorAdapter {
  return new HuaweiAdapter(profile, deps, { ...DEFAULT_HUAWEI_TIMINGS, ...options.timings }, options.random ?? Math.random);
}

/** One agent on one Huawei CC-Gateway (vendors/huawei.md). */
class HuaweiAdapter implements VendorAdapter {
  readonly capabilities = HUAWEI_CAPABILITIES;
  private readonly client: GatewayClient;
  private readonly session: AgentSession;
  private readonly poller: EventPoller;
  private readonly calls = new CallCorrelator();
  private readonly postDial: PostDialPlayer;
  private dialInFlight = false;
  /** Resyncs that settle callouts of unknown outcome once the gateway can no longer be executing them. */
  private readonly unclearChecks = new Set<ReturnType<typeof setTimeout>>();
  private disposed = false;

  constructor(
    private readonly profile: HuaweiProfile,
    private readonly deps: AdapterDeps,
    private readonly timings: HuaweiTimings,
    random: () => number,
  ) {
    const log = deps.host.log;
    this.client = new GatewayClient({
      baseUrl: profile.baseUrl,
      agentId: profile.agentId,
      allowSelfSignedTls: profile.allowSelfSignedTls,
      requestTimeoutMs: timings.requestTimeoutMs,
      pollTimeoutMs: timings.pollTimeoutMs,
      log,
    });
    this.session = new AgentSession({
      profile,
      client: this.client,
      host: deps.host,
      secrets: deps.secrets,
      polling: { start: () => this.poller.start(), stop: () => this.poller.stop() },
      retry: timings,
      random,
      onSignedInAgain: () => void this.resyncQuietly('after signing in again'),
      onSignedOut: () => this.postDial.cancelAll(),
    });
    this.poller = new EventPoller(
      this.client,
      {
        onEvent: (event) => this.handleEvent(event),
        onEmpty: () => this.publish(this.calls.settle()),
        onSessionLost: (reason) => this.session.recover(reason),
        onTransportTrouble: (reason) => this.session.transportTrouble(reason),
        onTransportRecovered: () => this.session.transportRecovered(),
      },
      timings,
      log,
      random,
    );
    this.postDial = new PostDialPlayer({
      send: (_localId, digits) => this.sendTones(digits),
      isConnected: (localId) => this.calls.stateOf(localId) === 'connected',
      log,
    });
  }

  signIn(): Promise<string> {
    return this.session.signIn();
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  async dial(intent: DialIntent): Promise<{ vendorCallId?: string }> {
    const plan = planDial(intent, this.profile, this.timings.postDialPauseMs);
    const action = plan.operation === 'callout' ? 'The call' : 'The internal call';
    if (!this.client.hasSession()) throw notSignedIn('Dialling', this.profile.agentId);
    if (this.dialInFlight || this.calls.hasCallInProgress()) {
      throw new AppError({
        code: 'VALIDATION',
        message: `Agent ${this.profile.agentId} is already on a call; the gateway places a new call only when the agent is free or the other call is on hold.`,
        hint: 'Hang up or hold the current call first.',
      });
    }

    this.dialInFlight = true;
    this.calls.beginDial(intent.localId);
    this.postDial.arm(intent.localId, plan.postDial);
    let reply: GatewayReply;
    try {
      reply = await this.client.operation({ method: 'PUT', path: `/voicecall/${this.profile.agentId}/${plan.operation}`, body: plan.body });
    } catch (error) {
      if (error instanceof NoSessionError) {
        this.abandonDial(intent.localId);
        throw notSignedIn('Dialling', this.profile.agentId);
      }
      if (error instanceof TransportError && !error.mayHaveReachedVendor) {
        this.abandonDial(intent.localId);
        throw unreachable(action, error);
      }
      this.settleUnclearLater(intent.localId);
      throw outcomeUnknown(action, error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.dialInFlight = false;
    }

    if (reply.retcode === '0') {
      const vendorCallId = parseCallId(reply.result);
      if (vendorCallId === undefined) this.deps.host.log.warn('Huawei accepted the call without a call id', { localId: intent.localId });
      this.publish(this.calls.dialAccepted(intent.localId, vendorCallId));
      return vendorCallId !== undefined ? { vendorCallId } : {};
    }
    if (OUTCOME_UNCERTAIN_RETCODES.includes(reply.retcode)) {
      this.settleUnclearLater(intent.localId);
      throw outcomeUnknown(action, reply);
    }
    this.abandonDial(intent.localId);
    throw this.refused(action, reply);
  }

  async hangup(call: CallRef): Promise<void> {
    const reply = await this.operate('Hanging up', { method: 'DELETE', path: `/voicecall/${this.profile.agentId}/release` });
    if (reply.retcode === '200-017') {
      // "Release failed: there is no call": the call is already over.
      this.publish(this.calls.markEnded(call, 'release: 200-017', 'release'));
      return;
    }
    this.expectSuccess('Hanging up', reply);
  }

  async hold(_call: CallRef): Promise<void> {
    this.expectSuccess('Putting the call on hold', await this.operate('Putting the call on hold', { method: 'POST', path: `/voicecall/${this.profile.agentId}/hold` }));
  }

  async retrieve(call: CallRef): Promise<void> {
    const callid = call.vendorCallId ?? this.calls.vendorCallIdOf(call.localId);
    if (callid === undefined) {
      throw new AppError({ code: 'VALIDATION', message: 'The gateway has not told the softphone the held call\u2019s id yet, so it cannot be resumed.', hint: 'Wait a moment and try again.' });
    }
    const action = 'Resuming the call';
    this.expectSuccess(action, await this.operate(action, { method: 'POST', path: `/voicecall/${this.profile.agentId}/gethold`, query: { callid } }));
  }

  async sendDigits(_call: CallRef, digits: string): Promise<void> {
    if (!/^[0-9*#]+$/.test(digits)) {
      throw new AppError({ code: 'VALIDATION', message: `Cannot send "${digits}" as tones. ${HUAWEI_FIELD_RULES.dtmf}`, hint: 'Use only 0-9, * and #.', path: 'digits' });
    }
    for (const chunk of dtmfChunks(digits)) await this.sendTones(chunk);
  }

  async directory(): Promise<Directory> {
    const action = 'Reading the agent\u2019s skills';
    const reply = await this.operate(action, { method: 'GET', path: `/onlineagent/${this.profile.agentId}/agentskills` });
    this.expectSuccess(action, reply);
    const skills = parseSkills(reply.result);
    if (!skills) {
      throw new AppError({ code: 'VENDOR_REJECTED', message: 'The gateway\u2019s skill list could not be read: it is not a list.', hint: 'Try again; if it keeps failing, the gateway version may not be supported.' });
    }
    return { agents: [], groups: [], skills };
  }

  /**
   * Re-reads the agent's call (`GET /calldata/{agentid}/callinfo`) and reconciles it with the
   * calls we know. `isNoContainLastCall=true` leaves out the last, finished call: only a call
   * that still exists is of use here.
   */
  async resync(): Promise<void> {
    if (!this.client.hasSession()) return;
    const action = 'Reading the agent\u2019s current call';
    const reply = await this.operate(action, { method: 'GET', path: `/calldata/${this.profile.agentId}/callinfo`, query: { isNoContainLastCall: 'true' } });
    this.expectSuccess(action, reply);
    this.publish(this.calls.reconcile(parseCallInfo(reply.result), this.deps.host.liveCalls()));
  }

  /**
   * After sleep: a re-sign-in waiting out its back-off tries now, the held poll (maybe on a
   * dead connection) is cut and sent again, and the agent's call is read again. A gateway
   * that signed the agent out meanwhile answers the poll or the read with 100-006, which
   * starts the re-sign-in.
   */
  async reconnect(): Promise<void> {
    this.session.retryNow();
    this.poller.reconnectNow();
    await this.resync();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const timer of this.unclearChecks) clearTimeout(timer);
    this.unclearChecks.clear();
    this.session.dispose();
    this.postDial.cancelAll();
    // A held poll is answered within the gateway's hold time; closing waits for it in the background.
    void this.client.close().catch((error: unknown) => this.deps.host.log.debug('Huawei client close failed', { reason: (error as Error).message }));
  }

  private handleEvent(event: AgentEvent): SessionLoss | void {
    const meaning = interpretEvent(event);
    if (meaning.kind === 'malformed') this.deps.host.log.warn('Skipped a malformed Huawei event', { eventType: event.eventType, reason: meaning.reason });
    else if (meaning.kind === 'not-handled') this.deps.host.log.debug('Huawei event not used', { eventType: event.eventType });
    else if (meaning.kind === 'agent-state') this.deps.host.log.debug('Huawei agent state', { eventType: event.eventType, state: meaning.state });
    this.publish(this.calls.apply(meaning, event.eventType));
    if (meaning.kind === 'session' && meaning.change === 'signed-out') return { cause: event.eventType, guidRefused: false };
  }

  private publish(observations: CallObservation[]): void {
    for (const observation of observations) {
      this.deps.host.callObserved(observation);
      if (observation.localId === undefined) continue;
      if (observation.state === 'connected') this.postDial.connected(observation.localId);
      else if (isFinalState(observation.state)) this.postDial.cancel(observation.localId);
    }
  }

  private abandonDial(localId: string): void {
    this.calls.dialRejected(localId);
    this.postDial.cancel(localId);
  }

  /** One seconddialex; `digits` are already checked (1–24 of 0-9 * #). */
  private async sendTones(digits: string): Promise<void> {
    const action = 'Sending tones';
    this.expectSuccess(action, await this.operate(action, { method: 'POST', path: `/voicecall/${this.profile.agentId}/seconddialex`, query: { number: digits } }));
  }

  /** An operation that cannot place a call: transport failures are reported, not retried. */
  private async operate(action: string, operation: GatewayOperation): Promise<GatewayReply> {
    if (!this.client.hasSession()) throw notSignedIn(action, this.profile.agentId);
    try {
      return await this.client.operation(operation);
    } catch (error) {
      if (error instanceof NoSessionError) throw notSignedIn(action, this.profile.agentId);
      throw unreachable(action, error);
    }
  }

  private expectSuccess(action: string, reply: GatewayReply): void {
    if (reply.retcode !== '0') throw this.refused(action, reply);
  }

  /** A refusal; one that says the session is gone also starts the re-sign-in. */
  private refused(action: string, reply: GatewayReply): AppError {
    if (HUAWEI_SESSION_LOST_RETCODES.includes(reply.retcode)) void this.session.recover(sessionLoss(reply.retcode));
    return refusal(action, reply);
  }

  /**
   * A callout without a usable answer: read the agent's call now (it binds the call if it
   * exists), and once more after the grace, by when a callout still executing would have
   * shown up; if the gateway still has no call then, it was not placed or is already over.
   */
  private settleUnclearLater(localId: string): void {
    const graceMs = this.timings.unclearGraceMs;
    this.calls.dialUnclear(localId, graceMs);
    void this.resyncQuietly('after a call request with an unknown outcome');
    this.checkUnclearAfter(graceMs + UNCLEAR_CHECK_MARGIN_MS);
  }

  /** Reads the agent's call once the grace is over, and again later while that read fails (the session being recovered, say). */
  private checkUnclearAfter(delayMs: number): void {
    const timer = setTimeout(() => {
      this.unclearChecks.delete(timer);
      void this.resyncQuietly('to settle a call request with an unknown outcome').then(() => {
        if (this.calls.hasUnclear() && !this.disposed) this.checkUnclearAfter(delayMs);
      });
    }, delayMs);
    this.unclearChecks.add(timer);
  }

  private resyncQuietly(why: string): Promise<void> {
    return this.resync().catch((error: unknown) => this.deps.host.log.warn('Huawei resync failed', { why, reason: (error as Error).message }));
  }
}
