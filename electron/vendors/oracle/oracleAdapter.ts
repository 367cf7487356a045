import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { ORACLE_CAPABILITIES } from '../../../shared/vendors/oracle';
import type { CallRef, DialIntent, VendorAdapter } from '../adapter';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http/httpClient';
import type { AdapterDeps } from '../vendorModule';
import type { OracleProfile } from './profile';
import { planOracleStart, type OracleAuthorization } from './startPlan';
import { StatusPoller, type PollResult } from './statusPoller';
import { parseEndState, parseOracleStatus, parseStartSessionId, vendorText } from './statusResponse';
import { endFailure, startFailure, startWithoutSession, statusFailure, transportFailure } from './vendorFailure';

const API = '/call/2.0';

/**
 * Oracle Click-to-Call Call Setup API 2.0: JSON start, status polling, DELETE to end. There
 * are no credentials; the call template id and an optional authorizeUrl are the access control.
 */
export class OracleAdapter implements VendorAdapter {
  readonly capabilities = ORACLE_CAPABILITIES;
  private readonly http: HttpClient;
  private readonly baseUrl: string;
  private disposed = false;
  private readonly poller: StatusPoller;

  constructor(
    private readonly profile: OracleProfile,
    private readonly deps: AdapterDeps,
  ) {
    this.http = new HttpClient({ defaultTimeoutMs: profile.requestTimeoutMs, log: deps.host.log });
    this.baseUrl = profile.baseUrl.replace(/\/+$/, '');
    this.poller = new StatusPoller({
      read: (sessionId) => this.readStatus(sessionId),
      report: (observation) => deps.host.callObserved(observation),
      timing: { statusPollMs: profile.statusPollMs, scheduledPollMs: profile.scheduledPollMs },
      log: deps.host.log,
    });
  }

  /**
   * The API has no credentials and no way to read a template, so the only check that places
   * no call is that the service answers: a status read of a session that cannot exist.
   */
  async signIn(): Promise<string> {
    this.authorization();
    const probe = randomUUID().replaceAll('-', '');
    const response = await this.send({ method: 'GET', url: `${this.baseUrl}${API}/${probe}/status` }, 'status');
    if (response.status !== 404 && !(response.status === 200 && parseOracleStatus(response.text))) {
      throw new AppError({
        code: 'VENDOR_REJECTED',
        message: `The sign-in check got HTTP ${response.status}: this address does not answer like Oracle Click-to-Call.`,
        vendorMessage: vendorText(response.status, response.text),
        hint: "Check the profile's base URL (e.g. https://api.atgsvcs.com).",
      });
    }
    const host = new URL(this.baseUrl).host;
    return `Oracle Click-to-Call answers at ${host}. It has no credentials to check, and the call template is only checked when a call is placed.`;
  }

  async signOut(): Promise<void> {
    this.poller.stopAll();
  }

  async dial(intent: DialIntent): Promise<{ vendorCallId?: string }> {
    const plan = planOracleStart(intent, { callAgentFirst: this.profile.callAgentFirst, authorization: this.authorization() }, Date.now());
    const dialled = `+${plan.userPhone}`;
    const response = await this.send(
      {
        method: 'POST',
        url: `${this.baseUrl}${API}/${encodeURIComponent(this.profile.contactId)}/${plan.userPhone}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(plan.body),
      },
      'start',
    );
    if (response.status !== 200) throw startFailure(response.status, response.text, dialled, plan.body.callAgentFirst === true);
    const sessionId = parseStartSessionId(response.text);
    if (sessionId === undefined) throw startWithoutSession(response.text, dialled);
    this.deps.host.log.info('Oracle started a call', { localId: intent.localId, sessionId, scheduled: plan.startsAt !== undefined });
    this.poller.track(intent.localId, sessionId, plan.startsAt);
    return { vendorCallId: sessionId };
  }

  hangup(call: CallRef): Promise<void> {
    return this.end(call, 'DELETE (hang up)');
  }

  cancel(call: CallRef): Promise<void> {
    return this.end(call, 'DELETE (cancel)');
  }

  /** Reads now every live call with a session id, following again those no longer followed (after a restart, sleep or sign-in). */
  async resync(): Promise<void> {
    for (const call of this.deps.host.liveCalls()) {
      if (call.vendor !== 'oracle' || call.vendorCallId === undefined) continue;
      this.poller.track(call.id, call.vendorCallId, call.scheduledAt);
      this.poller.pollNow(call.id);
    }
  }

  async dispose(): Promise<void> {
    this.poller.stopAll();
    if (this.disposed) return;
    this.disposed = true;
    await this.http.close();
  }

  private async end(call: CallRef, sourceEvent: string): Promise<void> {
    const sessionId = call.vendorCallId ?? this.poller.sessionOf(call.localId);
    if (sessionId === undefined) {
      throw new AppError({
        code: 'NOT_FOUND',
        message: 'This call has no Oracle session id (its start had an unknown outcome), so the softphone cannot end it.',
        hint: 'Hang up on the phone itself.',
      });
    }
    const response = await this.send({ method: 'DELETE', url: `${this.baseUrl}${API}/${encodeURIComponent(sessionId)}` }, 'end');
    // 403 is Oracle's "The call has already ended.": the wanted outcome, not an error.
    if (response.status !== 200 && response.status !== 403) throw endFailure(response.status, response.text);
    const followed = this.poller.stop(call.localId);
    // A call no longer followed has had its final state reported; a 403 adds nothing to it.
    if (response.status === 403 && followed === undefined) return;
    this.deps.host.callObserved({
      localId: call.localId,
      vendorCallId: sessionId,
      state: 'ended',
      rawState: response.status === 200 ? (parseEndState(response.text) ?? 'ended') : vendorText(403, response.text),
      sourceEvent: response.status === 200 ? sourceEvent : `${sourceEvent}: 403`,
      actions: [],
    });
  }

  private async readStatus(sessionId: string): Promise<PollResult> {
    let response: HttpResponse;
    try {
      response = await this.http.request({ method: 'GET', url: `${this.baseUrl}${API}/${encodeURIComponent(sessionId)}/status` });
    } catch (error) {
      return { kind: 'failed', reason: transportFailure(error, 'status').message };
    }
    if (response.status === 404) return { kind: 'gone', error: statusFailure(404, response.text) };
    if (response.status !== 200) return { kind: 'failed', reason: statusFailure(response.status, response.text).message };
    const status = parseOracleStatus(response.text);
    return status ? { kind: 'status', status } : { kind: 'failed', reason: `Unreadable status: ${vendorText(200, response.text)}` };
  }

  /** The profile's authorizeUrl, read at the moment of use; an unset secret the profile names is an error. */
  private authorization(): OracleAuthorization | undefined {
    const url = this.deps.secrets('authorizeUrl');
    if (url === undefined || url === '') {
      if (this.profile.authorizeUrl === undefined) return undefined;
      throw new AppError({
        code: 'AUTH_FAILED',
        message: "This profile authorizes calls through an authorizeUrl, but the URL's value is not available.",
        hint: `Set the environment variable ${this.profile.authorizeUrl.env}, or enter the authorizeUrl in Settings.`,
        path: 'authorizeUrl',
      });
    }
    return { url, encrypted: this.profile.authEncrypted };
  }

  private async send(request: HttpRequest, kind: 'start' | 'end' | 'status'): Promise<HttpResponse> {
    try {
      return await this.http.request(request);
    } catch (error) {
      throw transportFailure(error, kind);
    }
  }
}
