import { AppError } from '../../../shared/errors';
import type { Logger } from '../adapter';
import { TransportError, type HttpClient, type HttpResponse } from '../http/httpClient';
import { tokenError } from './httpErrors';
import { TokenResponseSchema } from './responses';
import { parseJsonText } from './jsonText';

/** "only valid for use for one hour after being issued" — used when the answer has no `expires_in`. */
const DOCUMENTED_LIFETIME_S = 3600;
/** Renew at 90 % of the lifetime, so a request never leaves with a token about to expire. */
const RENEW_AT_FRACTION = 0.9;

export interface TokenCacheOptions {
  http: HttpClient;
  /** `{baseUrl}/v0/oauth2/token`. */
  tokenUrl: string;
  accountKey: string;
  /** Read at the moment a token is needed, never kept. */
  apiToken: () => string | undefined;
  timeoutMs: number;
  log: Logger;
  now?: () => number;
}

interface CachedToken {
  value: string;
  renewAt: number;
}

/**
 * VCC's client-credentials bearer token: fetched on demand, shared by concurrent requests,
 * renewed before it expires, and replaced once when VCC answers 401.
 */
export class TokenCache {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  /** Bumped by `clear()`, so a token fetched before a sign-out is not kept after it. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: TokenCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /**
   * Sends with the current token; on 401 gets a new token and sends exactly once more. Safe
   * for any request: a 401 proves VCC did not process it.
   */
  async withToken(send: (token: string) => Promise<HttpResponse>): Promise<HttpResponse> {
    const first = await this.token();
    const response = await send(first);
    if (response.status !== 401) return response;
    this.options.log.info('vonage: access token refused (401); renewing it and repeating the request once');
    this.invalidate(first);
    return send(await this.token());
  }

  /** Forgets `token` unless a newer one already replaced it (concurrent 401s renew once). */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  clear(): void {
    this.cached = undefined;
    this.generation += 1;
  }

  private async fetchToken(): Promise<string> {
    const secret = this.options.apiToken();
    if (!secret) {
      throw new AppError({
        code: 'AUTH_FAILED',
        message: 'No API authentication token is set for this Vonage profile.',
        hint: 'Enter the token from Admin Portal (Account Settings → Configuration) in Settings, or set the environment variable the profile names.',
      });
    }
    const requestedAt = this.now();
    const generation = this.generation;
    let response: HttpResponse;
    try {
      response = await this.options.http.request({
        method: 'POST',
        url: this.options.tokenUrl,
        headers: {
          authorization: `Basic ${Buffer.from(`${this.options.accountKey}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        timeoutMs: this.options.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      throw new AppError({
        code: 'NETWORK',
        message: `Cannot get an access token from Vonage Contact Center (${error.message}).`,
        hint: 'Check the network connection and the profile’s base URL.',
      });
    }
    if (response.status !== 200) throw tokenError(response);
    const parsed = TokenResponseSchema.safeParse(parseJsonText(response.text));
    if (!parsed.success) {
      throw new AppError({
        code: 'VENDOR_REJECTED',
        message: 'Vonage Contact Center answered the token request with something other than a token.',
        hint: 'Check the profile’s base URL points at the VCC API (e.g. https://emea.cc.vonage.com).',
      });
    }
    const lifetimeS = parsed.data.expires_in ?? DOCUMENTED_LIFETIME_S;
    if (generation === this.generation) {
      this.cached = { value: parsed.data.access_token, renewAt: requestedAt + lifetimeS * 1000 * RENEW_AT_FRACTION };
    }
    this.options.log.debug('vonage: access token issued', { expiresInSeconds: lifetimeS });
    return parsed.data.access_token;
  }
}

