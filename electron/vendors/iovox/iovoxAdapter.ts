import { AppError } from '../../../shared/errors';
import { IOVOX_CAPABILITIES } from '../../../shared/vendors/iovox';
import type { DialIntent, VendorAdapter } from '../adapter';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http/httpClient';
import type { AdapterDeps } from '../vendorModule';
import { planIovoxCall } from './callPlan';
import { isCallDataDocument } from './errorsXml';
import { buildInitiateCallXml } from './initiateCallXml';
import type { IovoxProfile } from './profile';
import { callDataFailure, initiateCallFailure, transportFailure } from './vendorFailure';

/**
 * IOVOX REST "Calling" interface: one stateless POST per call, authenticated by the
 * `username`/`secureKey` headers. IOVOX returns no call id and no progress, so a call ends its
 * life here as `accepted`.
 */
export class IovoxAdapter implements VendorAdapter {
  readonly capabilities = IOVOX_CAPABILITIES;
  private readonly http: HttpClient;
  private readonly baseUrl: string;
  private disposed = false;

  constructor(
    private readonly profile: IovoxProfile,
    private readonly deps: AdapterDeps,
  ) {
    this.http = new HttpClient({ defaultTimeoutMs: profile.requestTimeoutMs, log: deps.host.log });
    this.baseUrl = profile.baseUrl.replace(/\/+$/, '');
  }

  /** Checks the credentials (and IP whitelist) with a read-only getCallData; places no call. */
  async signIn(): Promise<string> {
    const query = new URLSearchParams({ v: '3', method: 'getCallData', link_id: this.profile.linkId, limit: '1', req_fields: 'id' });
    const response = await this.send({ method: 'GET', url: `${this.baseUrl}/Calls?${query}`, headers: this.authHeaders() }, false);
    if (response.status !== 200) throw callDataFailure(response.status, response.text);
    if (!isCallDataDocument(response.text)) {
      throw new AppError({
        code: 'VENDOR_REJECTED',
        message: 'The sign-in check did not get an IOVOX answer: this address does not look like the IOVOX API.',
        vendorMessage: response.text.trim().slice(0, 300),
        hint: "Check the profile's base URL (e.g. https://api.iovox.com:444).",
      });
    }
    return `Signed in as ${this.profile.username}: IOVOX accepted the credentials. Link ${this.profile.linkId} is only checked when a call is placed, and IOVOX reports no call progress.`;
  }

  async signOut(): Promise<void> {
    // Nothing to end: every IOVOX request carries its own credentials.
  }

  async dial(intent: DialIntent): Promise<{ vendorCallId?: string }> {
    const plan = planIovoxCall(intent, this.profile.linkId);
    const headers = { ...this.authHeaders(), 'content-type': 'application/xml; charset=utf-8' };
    const body = buildInitiateCallXml(plan);
    const response = await this.send({ method: 'POST', url: `${this.baseUrl}/Calling?v=3&method=initiateCall`, headers, body }, true);
    if (response.status !== 201) throw initiateCallFailure(response.status, response.text);
    this.deps.host.log.info('IOVOX accepted a call', { localId: intent.localId, linkId: plan.linkId, delayMinutes: plan.delayMinutes ?? 0 });
    this.deps.host.callObserved({
      localId: intent.localId,
      state: 'accepted',
      rawState: 'HTTP 201',
      sourceEvent: plan.delayMinutes ? `initiateCall (delay ${plan.delayMinutes} min)` : 'initiateCall',
      actions: [],
    });
    return {};
  }

  async hangup(): Promise<void> {
    throw new AppError({
      code: 'NOT_SUPPORTED',
      message: 'IOVOX cannot hang up calls: its Calling interface only starts them.',
      hint: 'Hang up on the phone itself.',
    });
  }

  async resync(): Promise<void> {
    // IOVOX has no call status to read back: an accepted call stays accepted.
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.http.close();
  }

  private authHeaders(): Record<string, string> {
    const secureKey = this.deps.secrets('secureKey');
    if (secureKey === undefined || secureKey === '') {
      throw new AppError({
        code: 'AUTH_FAILED',
        message: 'This IOVOX profile has no secureKey.',
        hint: 'Enter the secureKey in Settings, or set the environment variable the profile names.',
        path: 'secureKey',
      });
    }
    return { username: this.profile.username, secureKey };
  }

  private async send(request: HttpRequest, placesCall: boolean): Promise<HttpResponse> {
    try {
      return await this.http.request(request);
    } catch (error) {
      throw transportFailure(error, placesCall);
    }
  }
}
