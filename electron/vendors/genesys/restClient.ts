import { AppError } from '../../../shared/errors';
import type { Logger } from '../adapter';
import { header, HttpClient, TransportError, type HttpResponse } from '../http/httpClient';
import { CHECK_CREDENTIALS_HINT, errorFromStatus, outcomeUnknown } from './gwsErrors';
import { StatusEnvelopeSchema } from './gwsSchemas';

export interface GwsRestClientOptions {
  /** Scheme, host and port (and any proxy prefix) in front of `/api/v2`. */
  baseUrl: string;
  username: string;
  /** Read at each request, never kept. */
  password: () => string | undefined;
  http: HttpClient;
  log: Logger;
  timeoutMs: number;
}

export interface RequestOptions {
  /** Names the operation in messages, e.g. `Dial`. */
  operation: string;
  /** The request may place a call: never replayed, and an unclear outcome is OUTCOME_UNKNOWN. */
  createsCall?: boolean;
  /** Status codes other than 0 that mean success (7 = partial success of StartContactCenterSession). */
  acceptStatus?: readonly number[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CsrfToken {
  /** Header name, as announced by `X-CSRF-HEADER`. */
  name: string;
  value: string;
}

/** The server no longer knows our HTTP session (403 statusCode 20, or a stale CSRF token). */
class SessionLost extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

const CSRF_REJECTION = /csrf/i;

/**
 * REST side of GWS: Basic auth sent preemptively, the JSESSIONID session in a cookie jar,
 * the CSRF token read from any GET and sent on every POST/PUT/DELETE, and success judged by
 * `statusCode`, not the HTTP status (vendors/genesys.md §2, §6 rule 3).
 */
export class GwsRestClient {
  private csrf: CsrfToken | undefined;
  /** Set once the server accepted us; a 403 after that means the session died, before it the credentials are wrong. */
  private hasSession = false;
  private renewing: Promise<unknown> | undefined;
  private readonly csrfListeners = new Set<(token: CsrfToken | undefined) => void>();

  constructor(private readonly options: GwsRestClientOptions) {}

  get csrfToken(): CsrfToken | undefined {
    return this.csrf;
  }

  onCsrfChange(listener: (token: CsrfToken | undefined) => void): () => void {
    this.csrfListeners.add(listener);
    return () => this.csrfListeners.delete(listener);
  }

  get(path: string, options: RequestOptions): Promise<unknown> {
    return this.send('GET', path, undefined, options);
  }

  post(path: string, body: unknown, options: RequestOptions): Promise<unknown> {
    return this.send('POST', path, body, options);
  }

  /**
   * Starts a new HTTP session with Basic credentials (new JSESSIONID, new CSRF token).
   * Concurrent callers share one request.
   */
  renewSession(): Promise<unknown> {
    this.renewing ??= (async () => {
      await this.forgetSession();
      return this.once('GET', '/api/v2/me', undefined, { operation: 'Sign-in' });
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** Drops cookies and token, e.g. after EndContactCenterSession invalidated the session. */
  async forgetSession(): Promise<void> {
    this.hasSession = false;
    this.setCsrf(undefined);
    await this.options.http.cookieJar?.removeAllCookies();
  }

  private async send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<unknown> {
    try {
      return await this.once(method, path, body, options);
    } catch (error) {
      if (!(error instanceof SessionLost)) throw error;
      this.options.log.info('GWS session lost; signing in again', { operation: options.operation, path });
      if (options.createsCall) {
        // The rejection proves nothing was dialled, but a call-creating request is never replayed.
        const renewed = await this.renewSession().then(
          () => true,
          (renewError: unknown) => {
            this.options.log.warn('GWS session renewal failed', { reason: String(renewError) });
            return false;
          },
        );
        throw new AppError({
          code: 'VENDOR_REJECTED',
          message: `${error.error.message} (the Genesys session had expired). Nothing was dialled.`,
          ...(error.error.vendorMessage !== undefined ? { vendorMessage: error.error.vendorMessage } : {}),
          hint: renewed ? 'The session has been renewed: dial again.' : 'Sign in again, then dial.',
        });
      }
      await this.renewSession();
      return this.once(method, path, body, options).catch((retryError: unknown) => {
        throw retryError instanceof SessionLost ? retryError.error : retryError;
      });
    }
  }

  private async once(method: Method, path: string, body: unknown, options: RequestOptions): Promise<unknown> {
    const started = performance.now();
    let response: HttpResponse;
    try {
      response = await this.options.http.request({
        method,
        url: `${this.options.baseUrl.replace(/\/+$/, '')}${path}`,
        headers: this.headers(method, body !== undefined),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        timeoutMs: this.options.timeoutMs,
      });
    } catch (error) {
      throw this.transportFailure(error, options);
    }
    if (method === 'GET') this.readCsrf(response);

    const envelope = StatusEnvelopeSchema.safeParse(parseJson(response.text));
    this.options.log.debug('GWS request', {
      method,
      path,
      status: response.status,
      statusCode: envelope.success ? envelope.data.statusCode : undefined,
      ms: Math.round(performance.now() - started),
    });

    if (!envelope.success) return this.unreadableReply(response, options);
    const { statusCode, statusMessage } = envelope.data;
    if (statusCode === 0 || options.acceptStatus?.includes(statusCode)) {
      this.hasSession = true;
      return parseJson(response.text);
    }
    const error = errorFromStatus(options.operation, statusCode, statusMessage);
    if (statusCode === 20) {
      if (this.hasSession) throw new SessionLost(error);
      throw new AppError({ ...error.toData(), hint: CHECK_CREDENTIALS_HINT });
    }
    if (response.status >= 500 && options.createsCall) throw outcomeUnknown(options.operation, `HTTP ${response.status}`, statusMessage);
    throw error;
  }

  private headers(method: Method, hasBody: boolean): Record<string, string> {
    const password = this.options.password();
    if (password === undefined) {
      throw new AppError({
        code: 'AUTH_FAILED',
        message: 'No password is set for this Genesys profile.',
        hint: 'Enter the password in Settings.',
      });
    }
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${this.options.username}:${password}`).toString('base64')}`,
      accept: 'application/json',
    };
    if (hasBody) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers[this.csrf.name] = this.csrf.value;
    return headers;
  }

  /** Any GET names the CSRF header in `X-CSRF-HEADER` and carries the token in the header of that name. */
  private readCsrf(response: HttpResponse): void {
    const name = header(response, 'x-csrf-header');
    const value = name ? header(response, name) : undefined;
    if (name && value && (this.csrf?.name !== name || this.csrf.value !== value)) this.setCsrf({ name, value });
  }

  private setCsrf(token: CsrfToken | undefined): void {
    this.csrf = token;
    for (const listener of this.csrfListeners) listener(token);
  }

  private unreadableReply(response: HttpResponse, options: RequestOptions): never {
    const text = response.text.trim().slice(0, 200);
    if (response.status === 403 && CSRF_REJECTION.test(text)) {
      const error = new AppError({
        code: 'VENDOR_REJECTED',
        message: `${options.operation} refused by Genesys: ${text}`,
        vendorMessage: text,
        hint: 'Sign in again.',
      });
      if (this.hasSession) throw new SessionLost(error);
      throw error;
    }
    // A 4xx is a rejection; anything else without a status code leaves a Dial's outcome open.
    if (options.createsCall && !(response.status >= 400 && response.status < 500)) {
      throw outcomeUnknown(options.operation, `HTTP ${response.status} without a status code`, text || undefined);
    }
    throw new AppError({
      code: 'VENDOR_REJECTED',
      message: `${options.operation}: Genesys answered HTTP ${response.status} without a status code.`,
      ...(text ? { vendorMessage: text } : {}),
      hint: 'Check that the server address in Settings points at Genesys Web Services.',
    });
  }

  private transportFailure(error: unknown, options: RequestOptions): unknown {
    if (!(error instanceof TransportError)) return error;
    if (!error.mayHaveReachedVendor) {
      return new AppError({
        code: 'NETWORK',
        message: `Cannot reach Genesys (${error.message}).`,
        hint: 'Check the server address in Settings and your network connection.',
      });
    }
    if (options.createsCall) return outcomeUnknown(options.operation, error.message);
    return new AppError({
      code: 'NETWORK',
      message: `${options.operation}: no answer from Genesys (${error.message}).`,
      hint: 'Check your network connection and try again.',
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
