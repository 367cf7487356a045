import { AppError } from '../../../shared/errors';
import { VONAGE_CAPABILITIES, VONAGE_UNSUPPORTED } from '../../../shared/vendors/vonage';
import type { VendorCapabilities } from '../../../shared/vendors';
import type { CallObservation, CallRef, DialIntent, VendorAdapter } from '../adapter';
import { HttpClient } from '../http/httpClient';
import type { AdapterDeps } from '../vendorModule';
import { callView, type CallView } from './callMapping';
import { VccCallsApi } from './callsApi';
import type { VonageProfile } from './profile';
import { buildCallRequestBody } from './requestBody';
import { StatusPoller } from './statusPoller';
import { TokenCache } from './tokenCache';
import { checkDialSupported, validateCallRequestBody, validationError } from './validation';

/**
 * One Vonage Contact Center profile: client-credentials token, make-call requests checked
 * against the documented rules before they leave, and status polling of each live call.
 */
export class VonageAdapter implements VendorAdapter {
  readonly capabilities: VendorCapabilities;
  private readonly http: HttpClient;
  private readonly tokens: TokenCache;
  private readonly api: VccCallsApi;
  private readonly poller: StatusPoller;
  /** Local ids already sent: one user intent places at most one call. */
  private readonly sent = new Set<string>();
  private disposed = false;

  constructor(
    private readonly profile: VonageProfile,
    private readonly deps: AdapterDeps,
  ) {
    this.capabilities = { ...VONAGE_CAPABILITIES, numberFormat: profile.numberFormat };
    const baseUrl = profile.baseUrl.replace(/\/+$/, '');
    const log = deps.host.log;
    this.http = new HttpClient({ defaultTimeoutMs: profile.requestTimeoutMs, log });
    this.tokens = new TokenCache({
      http: this.http,
      tokenUrl: `${baseUrl}/v0/oauth2/token`,
      accountKey: profile.accountKey,
      apiToken: () => deps.secrets('apiToken'),
      timeoutMs: profile.requestTimeoutMs,
      log,
    });
    this.api = new VccCallsApi({ http: this.http, tokens: this.tokens, baseUrl, accountKey: profile.accountKey, timeoutMs: profile.requestTimeoutMs, log });
    this.poller = new StatusPoller({
      intervalMs: profile.pollIntervalMs,
      read: (callId) => this.api.getCall(callId),
      report: (call, view) => this.report(call, view, 'GET call detail'),
      authLost: (error) => deps.host.sessionChanged('error', 'Vonage refused the access token; call status is no longer followed.', error),
      log,
    });
  }

  async signIn(): Promise<string> {
    this.tokens.clear();
    await this.tokens.token();
    const caller = this.profile.agentId ? `calls are placed from agent ${this.profile.agentId}` : 'choose the calling agent or groups for each call';
    return `Access token issued by Vonage Contact Center; ${caller}.`;
  }

  async signOut(): Promise<void> {
    this.poller.stopAll();
    this.tokens.clear();
  }

  async dial(intent: DialIntent): Promise<{ vendorCallId?: string }> {
    const supported = checkDialSupported(intent);
    const body = buildCallRequestBody(supported, this.profile);
    const issue = validateCallRequestBody(body);
    if (issue) throw validationError(issue);
    if (this.sent.has(intent.localId)) {
      throw new AppError({ code: 'DUPLICATE_INTENT', message: 'This call request was already sent to Vonage Contact Center.' });
    }
    this.sent.add(intent.localId);

    const created = await this.api.createCall(body);
    if (!created.call) {
      this.deps.host.callObserved({
        localId: intent.localId,
        state: 'accepted',
        rawState: 'Created (201) without a readable call id',
        sourceEvent: 'POST calls 201',
        actions: [],
      });
      return {};
    }
    const call = { localId: intent.localId, vendorCallId: created.call.id };
    const view = callView(created.call) ?? { state: 'dialing', rawState: 'Created', final: false };
    this.report(call, view, 'POST calls 201');
    this.poller.track(call, view);
    return { vendorCallId: created.call.id };
  }

  async hangup(_call: CallRef): Promise<void> {
    throw new AppError({ code: 'NOT_SUPPORTED', message: VONAGE_UNSUPPORTED.hangup });
  }

  /** Re-reads every live call of this profile that VCC can be asked about (those with a call id). */
  async resync(): Promise<void> {
    const reads: Array<Promise<void>> = [];
    for (const record of this.deps.host.liveCalls()) {
      if (record.vendorCallId === undefined) {
        this.deps.host.log.info('vonage: a call without a VCC call id cannot be read back (VCC has no call list)', { localId: record.id });
        continue;
      }
      reads.push(this.poller.readNow({ localId: record.id, vendorCallId: record.vendorCallId }));
    }
    await Promise.all(reads);
  }

  async dispose(): Promise<void> {
    this.poller.stopAll();
    this.tokens.clear();
    if (this.disposed) return;
    this.disposed = true;
    await this.http.close();
  }

  private report(call: { localId: string; vendorCallId: string }, view: CallView, sourceEvent: string): void {
    const observation: CallObservation = {
      localId: call.localId,
      vendorCallId: call.vendorCallId,
      state: view.state,
      rawState: view.rawState,
      sourceEvent,
      actions: [],
      ...(view.failure ? { failure: view.failure } : {}),
    };
    this.deps.host.callObserved(observation);
  }
}
