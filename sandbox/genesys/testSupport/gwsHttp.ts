import { CookieJar } from 'tough-cookie';

export interface GwsReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; `undefined` when the body is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  /** Send Basic credentials (default: when the client has some). */
  basic?: boolean;
  /** Send the CSRF header learnt from a GET (default: yes, when known). */
  csrf?: boolean;
  headers?: Record<string, string>;
  /** Sent as is, instead of JSON-encoding `body`. */
  rawBody?: string;
}

/** A GWS REST client for the tests: cookie jar (tough-cookie), Basic auth, CSRF header echo. */
export class GwsHttp {
  readonly jar = new CookieJar();
  csrfHeaderName: string | undefined;
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly credentials?: { userName: string; password: string },
  ) {}

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<GwsReply> {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.Cookie = cookie;
    if (this.credentials && options.basic !== false) {
      headers.Authorization = `Basic ${Buffer.from(`${this.credentials.userName}:${this.credentials.password}`).toString('base64')}`;
    }
    if (this.csrfHeaderName && this.csrfToken && options.csrf !== false && method !== 'GET') headers[this.csrfHeaderName] = this.csrfToken;
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';

    const response = await fetch(url, { method, headers, body: payload });
    for (const setCookie of response.headers.getSetCookie()) await this.jar.setCookie(setCookie, url);
    const csrfHeaderName = response.headers.get('x-csrf-header');
    if (csrfHeaderName) {
      this.csrfHeaderName = csrfHeaderName;
      this.csrfToken = response.headers.get(csrfHeaderName) ?? undefined;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  get(path: string, options?: RequestOptions): Promise<GwsReply> {
    return this.request('GET', path, undefined, options);
  }

  post(path: string, body?: unknown, options?: RequestOptions): Promise<GwsReply> {
    return this.request('POST', path, body, options);
  }

  /** The `Cookie` header value this client would send (for the CometD client). */
  cookieHeader(): Promise<string> {
    return this.jar.getCookieString(this.baseUrl);
  }
}
