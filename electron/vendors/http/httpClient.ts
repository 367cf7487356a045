import { Agent, request as undiciRequest, errors as undiciErrors, type Dispatcher } from 'undici';
import { CookieJar } from 'tough-cookie';
import type { Logger } from '../adapter';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whole-request deadline. */
  timeoutMs?: number;
  /** Cancels the request (a held long-poll on sign-out); the failure is a TransportError of kind `cancelled`. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A transport failure. `mayHaveReachedVendor` is false only when the request provably never
 * left (connection refused, DNS): callers decide from it whether a call may have been placed.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'connection-refused' | 'network' | 'cancelled',
    readonly mayHaveReachedVendor: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface HttpClientOptions {
  allowSelfSignedTls?: boolean;
  cookieJar?: CookieJar;
  defaultTimeoutMs?: number;
  log?: Logger;
}

/**
 * The one HTTP client of the vendor adapters: keep-alive pooling (undici), an optional
 * cookie jar (tough-cookie), per-profile TLS trust, and failures classified by whether the
 * request may have reached the vendor.
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly jar: CookieJar | undefined;
  private readonly defaultTimeoutMs: number;

  constructor(options: HttpClientOptions = {}) {
    this.dispatcher = new Agent({
      keepAliveTimeout: 10_000,
      connect: options.allowSelfSignedTls ? { rejectUnauthorized: false } : {},
    });
    this.jar = options.cookieJar;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 15_000;
  }

  get cookieJar(): CookieJar | undefined {
    return this.jar;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (this.jar) {
      const cookie = await this.jar.getCookieString(req.url);
      if (cookie) headers.cookie = cookie;
    }
    const timeoutMs = req.timeoutMs ?? this.defaultTimeoutMs;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    const cancel = (): void => abort.abort();
    req.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const response = await undiciRequest(req.url, {
        method: req.method,
        headers,
        body: req.body,
        dispatcher: this.dispatcher,
        signal: abort.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      if (this.jar) {
        const setCookie = response.headers['set-cookie'];
        for (const value of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
          await this.jar.setCookie(value, req.url, { ignoreError: true });
        }
      }
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      if (req.signal?.aborted) throw new TransportError('cancelled', true, 'Cancelled');
      throw classify(error, abort.signal.aborted, timeoutMs);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', cancel);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function classify(error: unknown, aborted: boolean, timeoutMs: number): TransportError {
  if (aborted || error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new TransportError('timeout', true, `No answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError('connection-refused', false, `Cannot connect (${code})`);
  }
  return new TransportError('network', true, `Connection lost (${code ?? (error as Error).message})`);
}

export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
