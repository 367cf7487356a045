import { CookieJar } from 'tough-cookie';
import { POST_DIAL_PAUSE_MS, type PostDialStep } from '../../../shared/dialString';
import { AppError } from '../../../shared/errors';
import type { Directory } from '../../../shared/session';
import { GENESYS_CAPABILITIES } from '../../../shared/vendors/genesys';
import type { AdapterHost, CallObservation, CallRef, DialIntent, VendorAdapter } from '../adapter';
import { HttpClient } from '../http/httpClient';
import type { AdapterDeps } from '../vendorModule';
import { callStateOf, discoveredOf, mapCall, type CallHistory } from './callMapping';
import { DialCorrelator } from './dialCorrelator';
import { planDial } from './dialRequest';
import { GwsEventStream, type StreamStatus } from './eventStream';
import {
  CallStateChangeMessageSchema,
  CallsResponseSchema,
  DeviceStateChangeMessageSchema,
  ErrorMessageSchema,
  MeResponseSchema,
  MessageTypeSchema,
  type GwsCall,
  type MeResponse,
} from './gwsSchemas';
import { PostDialPlayer } from './postDialPlayer';
import type { GenesysProfile } from './profile';
import { GwsRestClient, type CsrfToken } from './restClient';

export interface GenesysAdapterTimings {
  /** Deadline of each REST request; a Dial past it is OUTCOME_UNKNOWN. */
  requestTimeoutMs: number;
  /** Bayeux replies may take `advice.timeout` plus this (more than 10 s, vendors/genesys.md §6 rule 8). */
  bayeuxMaxNetworkDelayMs: number;
  /** How long after a Dial was answered its `Dialing` event may take before a resync looks for the call. */
  correlationTimeoutMs: number;
  /** Length of one `,` in post-dial digits. */
  postDialPauseMs: number;
  /** CometD's back-off after failures in a row grows by this per failure (then jittered)... */
  bayeuxBackoffIncrementMs: number;
  /** ...up to this. */
  bayeuxMaxBackoffMs: number;
}

export const DEFAULT_TIMINGS: GenesysAdapterTimings = {
  requestTimeoutMs: 15_000,
  bayeuxMaxNetworkDelayMs: 15_000,
  correlationTimeoutMs: 10_000,
  postDialPauseMs: POST_DIAL_PAUSE_MS,
  bayeuxBackoffIncrementMs: 1_000,
  bayeuxMaxBackoffMs: 30_000,
};

type CallOperation = 'Hangup' | 'Hold' | 'Retrieve' | 'SendDtmf';

const OPERATION_LABELS: Readonly<Record<CallOperation, string>> = {
  Hangup: 'Hang up',
  Hold: 'Hold',
  Retrieve: 'Resume',
  SendDtmf: 'Send digits',
};

interface TrackedCall {
  localId: string | undefined;
  state: string;
  /** From the latest snapshot that carried them. */
  capabilities: readonly string[] | undefined;
  history: CallHistory;
  /** Sequence number of the last snapshot applied, to keep a slow resync from undoing a newer event. */
  seq: number;
}

interface Session {
  deviceId: string;
  detail: string;
  stream: GwsEventStream;
  correlator: DialCorrelator;
  /** True once the bootstrap finished; until then stream problems are sign-in errors. */
  ready: boolean;
  stopCsrfRelay: () => void;
}

/** Calls released recently, so a stale snapshot never revives one (Released is terminal). */
const RELEASED_CAPACITY = 2000;

const DIGITS = /^[0-9*#]+$/;

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError({ code: 'INTERNAL', message: `Genesys adapter error: ${error instanceof Error ? error.message : String(error)}` });
}

function csrfHeaders(token: CsrfToken | undefined): Record<string, string> {
  return token ? { [token.name]: token.value } : {};
}

/**
 * Genesys Web Services (Voice API v2). Sign-in follows vendors/genesys.md §2: read the user
 * and device, open the CometD stream and subscribe, StartContactCenterSession, then the
 * initial agent state. Calls are followed from `/v2/me/calls` events and, after any gap,
 * re-read with `GET /api/v2/me/calls`.
 */
class GenesysAdapter implements VendorAdapter {
  readonly capabilities = GENESYS_CAPABILITIES;
  private readonly host: AdapterHost;
  private readonly http: HttpClient;
  /** The REST session's cookies; the event stream sends the same JSESSIONID. */
  private readonly cookieJar = new CookieJar();
  private readonly rest: GwsRestClient;
  private readonly player: PostDialPlayer;
  private session: Session | undefined;
  private signingIn: Promise<string> | undefined;
  private readonly calls = new Map<string, TrackedCall>();
  private readonly released = new Set<string>();
  private readonly postDial = new Map<string, PostDialStep[]>();
  private readonly correlationTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private seq = 0;
  private resyncRunning: Promise<void> | undefined;
  private resyncQueued: Promise<void> | undefined;
  private renewingStreamSession = false;
  private disposed = false;

  constructor(
    private readonly profile: GenesysProfile,
    deps: AdapterDeps,
    private readonly timings: GenesysAdapterTimings = DEFAULT_TIMINGS,
    private readonly random: () => number = Math.random,
  ) {
    this.host = deps.host;
    this.http = new HttpClient({ cookieJar: this.cookieJar, defaultTimeoutMs: timings.requestTimeoutMs });
    this.rest = new GwsRestClient({
      baseUrl: profile.baseUrl,
      username: profile.username,
      password: () => deps.secrets('password'),
      http: this.http,
      log: deps.host.log,
      timeoutMs: timings.requestTimeoutMs,
    });
    this.player = new PostDialPlayer({
      sendDigits: (callId, digits) => this.operate(callId, 'SendDtmf', { digits }),
      onFailure: (callId, error, remaining) => this.postDialFailed(callId, error, remaining),
    });
  }

  signIn(): Promise<string> {
    if (this.session?.ready) return Promise.resolve(this.session.detail);
    this.signingIn ??= this.bootstrap().finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  async signOut(): Promise<void> {
    const session = this.session;
    if (!session) {
      this.host.sessionChanged('signed-out');
      return;
    }
    await this.teardown(session);
    try {
      // Logs the agent out and invalidates the HTTP session (vendors/genesys.md §2).
      await this.rest.post('/api/v2/me', { operationName: 'EndContactCenterSession' }, { operation: 'Sign-out' });
      this.host.sessionChanged('signed-out');
    } catch (error) {
      const appError = asAppError(error);
      this.host.sessionChanged('error', appError.message, appError);
      throw appError;
    } finally {
      await this.rest.forgetSession();
    }
  }

  async dial(intent: DialIntent): Promise<{ vendorCallId?: string }> {
    const session = this.requireSession();
    const plan = planDial(intent, { pauseMs: this.timings.postDialPauseMs });
    session.correlator.expect(intent.localId, plan.dialled);
    if (plan.postDial.length > 0) this.postDial.set(intent.localId, plan.postDial);
    try {
      await this.rest.post(`/api/v2/me/devices/${encodeURIComponent(session.deviceId)}/calls`, plan.body, {
        operation: 'Dial',
        createsCall: true,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'OUTCOME_UNKNOWN') {
        // The call may exist: keep waiting for its Dialing event, and read the calls now.
        this.armCorrelationTimer(session, intent.localId);
        this.resync().catch((resyncError: unknown) => this.host.log.warn('GWS resync after an unclear Dial failed', { reason: String(resyncError) }));
      } else {
        session.correlator.withdraw(intent.localId);
        this.postDial.delete(intent.localId);
      }
      throw error;
    }
    this.armCorrelationTimer(session, intent.localId);
    return {};
  }

  hangup(call: CallRef): Promise<void> {
    return this.callOperation(call, 'Hangup');
  }

  hold(call: CallRef): Promise<void> {
    return this.callOperation(call, 'Hold');
  }

  retrieve(call: CallRef): Promise<void> {
    return this.callOperation(call, 'Retrieve');
  }

  sendDigits(call: CallRef, digits: string): Promise<void> {
    if (!DIGITS.test(digits)) {
      return Promise.reject(
        new AppError({ code: 'VALIDATION', message: 'Only the digits 0-9, * and # can be sent as tones.', path: 'digits' }),
      );
    }
    return this.callOperation(call, 'SendDtmf', { digits });
  }

  async directory(): Promise<Directory> {
    const me = this.parseMe(await this.rest.get('/api/v2/me?subresources=*', { operation: 'Reading your skills' }));
    return {
      agents: [],
      groups: [],
      skills: me.user.skills.valid.map((skill) => ({
        id: skill.id ?? skill.name,
        name: skill.level === undefined ? skill.name : `${skill.name} (level ${skill.level})`,
      })),
    };
  }

  /** Coalesces: one resync at a time, and at most one more queued behind it. */
  resync(): Promise<void> {
    if (!this.resyncRunning) {
      this.resyncRunning = this.readCalls().finally(() => {
        this.resyncRunning = undefined;
      });
      return this.resyncRunning;
    }
    this.resyncQueued ??= this.resyncRunning
      .catch(() => undefined)
      .then(() => {
        this.resyncQueued = undefined;
        return this.resync();
      });
    return this.resyncQueued;
  }

  /** After sleep: the held Bayeux poll is cut so the stream comes back now, and the calls are read again. */
  async reconnect(): Promise<void> {
    this.requireSession().stream.reconnectNow();
    await this.resync();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const session = this.session;
    if (session) {
      await this.teardown(session);
      await this.rest
        .post('/api/v2/me', { operationName: 'EndContactCenterSession' }, { operation: 'Sign-out' })
        .catch((error: unknown) => this.host.log.warn('GWS sign-out on dispose failed', { reason: String(error) }));
    }
    await this.http.close();
  }

  private async bootstrap(): Promise<string> {
    this.host.sessionChanged('signing-in');
    const seqAtStart = this.seq;
    let session: Session | undefined;
    try {
      const me = this.parseMe(await this.rest.get('/api/v2/me?subresources=*', { operation: 'Sign-in' }));
      const device = this.pickDevice(me);
      const userName = me.user.userName ?? this.profile.username;
      const dn = device.phoneNumber ?? device.id;
      const stream = new GwsEventStream({
        baseUrl: this.profile.baseUrl,
        cookieJar: this.cookieJar,
        log: this.host.log,
        maxNetworkDelayMs: this.timings.bayeuxMaxNetworkDelayMs,
        backoff: { incrementMs: this.timings.bayeuxBackoffIncrementMs, maxMs: this.timings.bayeuxMaxBackoffMs },
        random: this.random,
        onMessage: (channel, data) => this.onMessage(channel, data),
        onStatus: (status) => this.onStreamStatus(status),
        onSessionLost: () => this.renewStreamSession(),
      });
      stream.setRequestHeaders(csrfHeaders(this.rest.csrfToken));
      session = {
        deviceId: device.id,
        detail: `Signed in as ${userName} on DN ${dn}`,
        stream,
        correlator: new DialCorrelator(device.id),
        ready: false,
        stopCsrfRelay: this.rest.onCsrfChange((token) => stream.setRequestHeaders(csrfHeaders(token))),
      };
      this.session = session;
      // Subscribed before the agent logs in, so no event of the session is missed.
      await stream.start();
      const login = await this.rest.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] }, {
        operation: 'Agent login',
        acceptStatus: [7],
      });
      this.logPartialLogin(login);
      await this.rest.post('/api/v2/me/channels/voice', { operationName: this.profile.initialState }, { operation: `Agent state ${this.profile.initialState}` });
      this.reconcile(me.user.calls.valid, 'Sign-in', seqAtStart);
      session.ready = true;
      this.host.log.info('GWS signed in', { user: userName, dn, deviceId: device.id });
      this.host.sessionChanged('signed-in', session.detail);
      return session.detail;
    } catch (error) {
      if (session) await this.teardown(session);
      const appError = asAppError(error);
      this.host.sessionChanged('error', appError.message, appError);
      throw appError;
    }
  }

  private parseMe(body: unknown): MeResponse {
    const parsed = MeResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError({
        code: 'VENDOR_REJECTED',
        message: 'Genesys sent a user description the softphone cannot read (GET /api/v2/me).',
        hint: 'Check that the server address in Settings points at Genesys Web Services 8.5.',
      });
    }
    if (parsed.data.user.calls.invalid > 0) this.host.log.warn('GWS sent unreadable calls', { count: parsed.data.user.calls.invalid });
    return parsed.data;
  }

  private pickDevice(me: MeResponse): { id: string; phoneNumber?: string | undefined } {
    const devices = me.user.devices.valid;
    const device = this.profile.deviceId ? devices.find((d) => d.id === this.profile.deviceId) : devices[0];
    if (device) return device;
    throw new AppError({
      code: 'NOT_FOUND',
      message: this.profile.deviceId
        ? `The Genesys user has no device ${this.profile.deviceId}.`
        : 'The Genesys user has no device (DN) to dial from.',
      hint: this.profile.deviceId
        ? `Check the device id in Settings; this user has ${devices.map((d) => d.id).join(', ') || 'none'}.`
        : 'Ask your Genesys administrator to assign a place and DN to this user.',
    });
  }

  private logPartialLogin(body: unknown): void {
    const partial = body !== null && typeof body === 'object' && 'failed' in body ? body.failed : undefined;
    if (partial !== undefined) this.host.log.warn('GWS agent login partly failed (voice succeeded)', { failed: JSON.stringify(partial) });
  }

  private async teardown(session: Session): Promise<void> {
    if (this.session === session) this.session = undefined;
    session.stopCsrfRelay();
    for (const timer of this.correlationTimers.values()) clearTimeout(timer);
    this.correlationTimers.clear();
    this.player.cancelAll();
    this.postDial.clear();
    this.calls.clear();
    await session.stream.stop();
  }

  private requireSession(): Session {
    const session = this.session;
    if (session?.ready) return session;
    throw new AppError({ code: 'INVALID_REQUEST', message: 'Not signed in to Genesys.', hint: 'Sign in to this profile first.' });
  }

  private async callOperation(ref: CallRef, operation: CallOperation, extra: Record<string, string> = {}): Promise<void> {
    const session = this.requireSession();
    const label = OPERATION_LABELS[operation];
    const callId = ref.vendorCallId ?? session.correlator.callIdOf(ref.localId);
    if (callId === undefined) {
      throw new AppError({
        code: 'NOT_SUPPORTED',
        message: `${label} is not possible yet: Genesys has not reported this call.`,
        hint: 'Try again in a moment.',
      });
    }
    await this.operate(callId, operation, extra);
  }

  /** Sends a call operation only when the call's current capabilities allow it (vendors/genesys.md §6 rule 4). */
  private async operate(callId: string, operation: CallOperation, extra: Record<string, string> = {}): Promise<void> {
    const label = OPERATION_LABELS[operation];
    const tracked = this.calls.get(callId);
    if (!tracked) {
      throw new AppError({
        code: 'NOT_FOUND',
        message: `${label} is not possible: Genesys does not list this call any more.`,
        hint: 'Check the Active calls panel.',
      });
    }
    if (!tracked.capabilities?.includes(operation)) {
      throw new AppError({
        code: 'NOT_SUPPORTED',
        message: `${label} is not possible now: Genesys does not allow ${operation} while the call is ${tracked.state}.`,
      });
    }
    const hangupRequested = tracked.history.hangupRequested;
    if (operation === 'Hangup') tracked.history.hangupRequested = true;
    try {
      await this.rest.post(`/api/v2/me/calls/${encodeURIComponent(callId)}`, { operationName: operation, ...extra }, { operation: label });
    } catch (error) {
      tracked.history.hangupRequested = hangupRequested;
      throw error;
    }
  }

  private onMessage(channel: string, data: unknown): void {
    const type = MessageTypeSchema.safeParse(data);
    if (!type.success) {
      this.host.log.warn('Ignored a GWS event without a message type', { channel });
      return;
    }
    switch (type.data.messageType) {
      case 'CallStateChangeMessage': {
        const message = CallStateChangeMessageSchema.safeParse(data);
        if (!message.success) {
          this.host.log.warn('Ignored a malformed GWS call event', { channel, issues: message.error.issues.map((i) => i.path.join('.')).join(', ') });
          return;
        }
        const { call, notificationType, errorMessage, errorCode } = message.data;
        const source = notificationType ?? type.data.messageType;
        this.applyCall(call, source, 'event', source === 'Error' ? { message: errorMessage, code: errorCode } : undefined);
        return;
      }
      case 'ErrorMessage': {
        const message = ErrorMessageSchema.safeParse(data);
        const errorText = message.success ? message.data.errorMessage : undefined;
        this.host.log.warn('GWS reported an error', { channel, errorMessage: errorText });
        if (message.success && message.data.call) {
          this.applyCall(message.data.call, 'ErrorMessage', 'event', { message: errorText, code: message.data.errorCode });
        }
        return;
      }
      case 'DeviceStateChangeMessage': {
        const message = DeviceStateChangeMessageSchema.safeParse(data);
        const device = message.success ? message.data.devices.valid.find((d) => d.id === this.session?.deviceId) : undefined;
        if (device) this.host.log.info('GWS agent state', { state: device.userState?.state, deviceState: device.deviceState });
        return;
      }
      default:
        this.host.log.debug('Ignored a GWS event', { channel, messageType: type.data.messageType });
    }
  }

  /** Applies one full call snapshot, from an event or a resync, and reports it. */
  private applyCall(call: GwsCall, source: string, from: 'event' | 'resync', error?: { message: string | undefined; code: string | number | undefined }): void {
    const session = this.session;
    if (!session || this.released.has(call.id)) return;
    const tracked = this.calls.get(call.id);
    const localId = session.correlator.observe(call, from);
    const history: CallHistory = tracked?.history ?? { answered: false, hangupRequested: false };
    if (call.state === 'Established') history.answered = true;
    const mapped = mapCall({ call, source, ...(error ? { error } : {}) }, history);
    if (!mapped.ok) {
      this.host.log.warn('Ignored a GWS call event', { callId: call.id, source, reason: mapped.reason });
      return;
    }
    if (localId !== undefined) this.clearCorrelationTimer(localId);
    this.calls.set(call.id, {
      localId,
      state: call.state,
      capabilities: call.capabilities ?? tracked?.capabilities,
      history,
      seq: ++this.seq,
    });
    const observation: CallObservation = {
      ...mapped.observation,
      ...(localId !== undefined ? { localId } : { discovered: discoveredOf(call) }),
    };
    this.host.callObserved(observation);

    if (call.state === 'Released') {
      this.forgetCall(call.id, localId);
      this.host.log.debug('GWS call released', { callId: call.id, durationSeconds: call.duration });
    } else if (call.state === 'Established' && localId !== undefined) {
      const steps = this.postDial.get(localId);
      this.postDial.delete(localId);
      if (steps) this.player.play(call.id, steps);
    }
  }

  private forgetCall(callId: string, localId: string | undefined): void {
    this.calls.delete(callId);
    this.player.cancel(callId);
    if (localId !== undefined) this.postDial.delete(localId);
    this.released.add(callId);
    if (this.released.size > RELEASED_CAPACITY) {
      const oldest = this.released.values().next().value;
      if (oldest !== undefined) this.released.delete(oldest);
    }
  }

  private async readCalls(): Promise<void> {
    this.requireSession();
    const seqAtStart = this.seq;
    const parsed = CallsResponseSchema.safeParse(await this.rest.get('/api/v2/me/calls?fields=*', { operation: 'Reading calls' }));
    if (!parsed.success) {
      throw new AppError({ code: 'VENDOR_REJECTED', message: 'Genesys sent a call list the softphone cannot read (GET /api/v2/me/calls).' });
    }
    if (parsed.data.calls.invalid > 0) this.host.log.warn('GWS listed unreadable calls', { count: parsed.data.calls.invalid });
    this.reconcile(parsed.data.calls.valid, 'Resync', seqAtStart);
  }

  /**
   * Reports every listed call, then the calls we believe live that GWS no longer lists as
   * ended. Anything an event changed after `seqAtStart` is newer than the list and left alone.
   */
  private reconcile(listed: readonly GwsCall[], source: string, seqAtStart: number): void {
    const session = this.session;
    if (!session) return;
    const newer = (callId: string): boolean => (this.calls.get(callId)?.seq ?? 0) > seqAtStart;
    for (const call of listed) if (!newer(call.id)) this.applyCall(call, source, 'resync');

    const listedIds = new Set(listed.map((call) => call.id));
    const vanished = new Map<string, string | undefined>();
    for (const [callId, tracked] of this.calls) {
      if (!listedIds.has(callId) && !newer(callId)) vanished.set(callId, tracked.localId);
    }
    for (const record of this.host.liveCalls()) {
      if (record.vendorCallId !== undefined) {
        const callId = record.vendorCallId;
        if (!listedIds.has(callId) && !newer(callId) && !vanished.has(callId)) vanished.set(callId, record.id);
      } else if (!session.correlator.isPending(record.id)) {
        this.host.callObserved({
          localId: record.id,
          state: 'failed',
          rawState: 'Not listed (resync)',
          sourceEvent: source,
          actions: [],
          failure: {
            code: 'NOT_LISTED',
            message: 'Genesys lists no call for this dial: it was not placed, or ended before Genesys reported it.',
            hint: 'Dial again if the call is still needed.',
          },
        });
      }
    }
    for (const [callId, localId] of vanished) {
      this.host.callObserved({
        ...(localId !== undefined ? { localId } : {}),
        vendorCallId: callId,
        state: 'ended',
        rawState: 'Released (resync)',
        sourceEvent: source,
        actions: [],
      });
      this.forgetCall(callId, localId);
    }
  }

  private armCorrelationTimer(session: Session, localId: string): void {
    if (!session.correlator.isPending(localId) || this.correlationTimers.has(localId)) return;
    const timer = setTimeout(() => {
      this.correlationTimers.delete(localId);
      void this.correlationTimedOut(session, localId);
    }, this.timings.correlationTimeoutMs);
    this.correlationTimers.set(localId, timer);
  }

  private clearCorrelationTimer(localId: string): void {
    clearTimeout(this.correlationTimers.get(localId));
    this.correlationTimers.delete(localId);
  }

  /** No Dialing event came for an accepted Dial: look for the call in the list, else it failed. */
  private async correlationTimedOut(session: Session, localId: string): Promise<void> {
    try {
      await this.resync();
    } catch (error) {
      this.host.log.warn('GWS resync for an unreported dial failed; waiting again', { reason: String(error) });
      if (this.session === session) this.armCorrelationTimer(session, localId);
      return;
    }
    if (this.session !== session || !session.correlator.withdraw(localId)) return;
    this.postDial.delete(localId);
    this.host.callObserved({
      localId,
      state: 'failed',
      rawState: 'No call reported',
      sourceEvent: 'Resync',
      actions: [],
      failure: {
        code: 'NOT_REPORTED',
        message: 'Genesys accepted the Dial request but reported no call for it.',
        hint: 'Check your phone and the Active calls panel; dial again if no call was placed.',
      },
    });
  }

  private postDialFailed(callId: string, error: unknown, remaining: string): void {
    const tracked = this.calls.get(callId);
    if (!tracked) return;
    const appError = asAppError(error);
    this.host.log.warn('GWS post-dial digits stopped', { callId, reason: appError.message });
    const state = callStateOf(tracked.state);
    if (!state) return;
    this.host.callObserved({
      ...(tracked.localId !== undefined ? { localId: tracked.localId } : {}),
      vendorCallId: callId,
      state,
      rawState: tracked.state,
      sourceEvent: 'Post-dial digits',
      failure: {
        code: 'POST_DIAL_FAILED',
        message: `Post-dial digits were not all sent: ${appError.message}`,
        hint: `Send the remaining digits (${remaining}) with Send digits.`,
      },
    });
  }

  private onStreamStatus(status: StreamStatus): void {
    const session = this.session;
    if (!session?.ready) return;
    switch (status.kind) {
      case 'interrupted':
        this.host.sessionChanged('reconnecting', `Genesys event stream interrupted (${status.reason}); reconnecting`);
        return;
      case 'restored':
        this.resync()
          .catch((error: unknown) => this.host.log.warn('GWS resync after reconnect failed', { reason: String(error) }))
          .finally(() => {
            if (this.session === session) this.host.sessionChanged('signed-in', session.detail);
          });
        return;
      case 'failed': {
        const error = new AppError({
          code: 'VENDOR_REJECTED',
          message: `Genesys call events stopped: ${status.reason}.`,
          hint: 'Sign out and sign in again.',
        });
        this.host.sessionChanged('error', error.message, error);
        return;
      }
    }
  }

  /** The handshake was refused for want of a session: sign in again over REST; CometD retries the handshake itself. */
  private renewStreamSession(): void {
    if (this.renewingStreamSession) return;
    this.renewingStreamSession = true;
    this.rest
      .renewSession()
      .catch((error: unknown) => {
        const appError = asAppError(error);
        this.host.log.warn('GWS session renewal failed', { reason: appError.message });
        if (appError.code === 'AUTH_FAILED') this.host.sessionChanged('error', appError.message, appError);
      })
      .finally(() => {
        this.renewingStreamSession = false;
      });
  }
}

export function createGenesysAdapter(
  profile: GenesysProfile,
  deps: AdapterDeps,
  timings?: Partial<GenesysAdapterTimings>,
  random: () => number = Math.random,
): VendorAdapter {
  return new GenesysAdapter(profile, deps, { ...DEFAULT_TIMINGS, ...timings }, random);
}
