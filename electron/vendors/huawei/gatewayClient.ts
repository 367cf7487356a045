import { CookieJar } from 'tough-cookie';
import { HUAWEI_SESSION_LOST_RETCODES } from '../../../shared/vendors/huaweiLimits';
import type { Logger } from '../adapter';
import { HttpClient, type HttpResponse } from '../http/httpClient';
import { SerialQueue } from './serialQueue';
import { parseEnvelope, type GatewayEnvelope } from './wire';

export interface GatewayClientOptions {
  /** `https://host:8043` or the full `https://host:8043/agentgateway/resource`. */
  baseUrl: string;
  agentId: string;
  allowSelfSignedTls: boolean;
  requestTimeoutMs: number;
  /** Deadline of one event poll; above the gateway's ~10 s hold. */
  pollTimeoutMs: number;
  log: Logger;
}

export interface GatewayOperation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to `/agentgateway/resource`, e.g. `/voicecall/40038/callout`. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

/** Which session (sign-in) and GUID a request went out with. */
export interface SessionMark {
  epoch: number;
  guid: string | undefined;
}

export interface GatewayReply extends GatewayEnvelope {
  sentIn: SessionMark;
}

export interface SignInReply extends GatewayEnvelope {
  /** True when the gateway answered `0` and sent a GUID, so a new session began. */
  sessionStarted: boolean;
}

/** The gateway answered, but not with HTTP 200 and a JSON envelope. The request may have been executed. */
export class GatewayResponseError extends Error {
  constructor(
    readonly status: number,
    /** `malformed`: HTTP 200 with a body that is not the envelope. */
    readonly kind: 'http-status' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'GatewayResponseError';
  }
}

/** A request needing a GUID was attempted with no session: nothing was sent. */
export class NoSessionError extends Error {
  constructor() {
    super('Not signed in to the gateway');
    this.name = 'NoSessionError';
  }
}

const CONTENT_TYPE = 'application/json; charset=UTF-8';
const RESOURCE_ROOT = '/agentgateway/resource';

/**
 * The agent's connection to the CC-Gateway: the `Guid` header on every request but sign-in,
 * the GUID replaced from any response's `Set-GUID`, the load balancer's `Set-Cookie`
 * echoed (tough-cookie jar), and operations sent one at a time so that the gateway never
 * sees the same operation twice at once (000-007) and every operation queued behind a GUID
 * rotation goes out with the new GUID. Event polls run beside the operations.
 */
export class GatewayClient {
  private readonly http: HttpClient;
  private readonly root: string;
  private readonly operations = new SerialQueue();
  private guid: string | undefined;
  /** Counts sign-ins, so an answer to a request from an earlier session cannot install its GUID. */
  private epoch = 0;

  constructor(private readonly options: GatewayClientOptions) {
    this.http = new HttpClient({
      allowSelfSignedTls: options.allowSelfSignedTls,
      cookieJar: new CookieJar(),
      defaultTimeoutMs: options.requestTimeoutMs,
      log: options.log,
    });
    const base = options.baseUrl.replace(/\/+$/, '');
    this.root = base.endsWith(RESOURCE_ROOT) ? base : base + RESOURCE_ROOT;
  }

  hasSession(): boolean {
    return this.guid !== undefined;
  }

  /** True when no sign-in and no GUID change happened since `mark` was taken. */
  isCurrent(mark: SessionMark): boolean {
    return mark.epoch === this.epoch && mark.guid === this.guid;
  }

  /** `PUT /onlineagent/{id}` or `…/forcelogin`, without a `Guid` header. Success starts a new session. */
  signIn(kind: 'signin' | 'forcelogin', body: Record<string, string>): Promise<SignInReply> {
    const suffix = kind === 'forcelogin' ? '/forcelogin' : '';
    return this.operations.run(async () => {
      const { response, setGuid } = await this.send({ method: 'PUT', path: `/onlineagent/${this.agentPath}${suffix}`, body }, undefined, this.options.requestTimeoutMs);
      const envelope = this.envelopeOf(response);
      const sessionStarted = envelope.retcode === '0' && setGuid !== undefined;
      if (sessionStarted) {
        this.epoch += 1;
        this.guid = setGuid;
      }
      return { ...envelope, sessionStarted };
    });
  }

  /**
   * One operation, queued behind the others. When the answer says the GUID or session was
   * refused (000-003 / 100-006) and the GUID changed while the request was on its way, the
   * request was not executed, so it is sent once more with the current GUID.
   */
  operation(operation: GatewayOperation): Promise<GatewayReply> {
    return this.operations.run(async () => {
      const first = await this.withSession(operation, this.options.requestTimeoutMs);
      if (HUAWEI_SESSION_LOST_RETCODES.includes(first.retcode) && !this.isCurrent(first.sentIn) && this.hasSession()) {
        this.options.log.debug('Huawei request refused with a superseded GUID; sending it with the current one', { path: operation.path });
        return this.withSession(operation, this.options.requestTimeoutMs);
      }
      return first;
    });
  }

  /** `GET /agentevent/{id}`: a long poll, not queued behind operations; `signal` cuts it. */
  poll(signal?: AbortSignal): Promise<GatewayReply> {
    return this.withSession({ method: 'GET', path: `/agentevent/${this.agentPath}` }, this.options.pollTimeoutMs, signal);
  }

  /** Forgets the GUID; answers to requests still on their way cannot bring it back. */
  endSession(): void {
    this.epoch += 1;
    this.guid = undefined;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private get agentPath(): string {
    return encodeURIComponent(this.options.agentId);
  }

  private async withSession(operation: GatewayOperation, timeoutMs: number, signal?: AbortSignal): Promise<GatewayReply> {
    const sentIn: SessionMark = { epoch: this.epoch, guid: this.guid };
    if (sentIn.guid === undefined) throw new NoSessionError();
    const { response, setGuid } = await this.send(operation, sentIn.guid, timeoutMs, signal);
    if (setGuid !== undefined) this.adoptGuid(setGuid, sentIn);
    return { ...this.envelopeOf(response), sentIn };
  }

  private adoptGuid(guid: string, sentIn: SessionMark): void {
    if (sentIn.epoch !== this.epoch || this.guid === undefined || this.guid === guid) return;
    this.guid = guid;
    this.options.log.debug('Huawei GUID replaced from Set-GUID', { agentId: this.options.agentId });
  }

  private async send(
    operation: GatewayOperation,
    guid: string | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<{ response: HttpResponse; setGuid: string | undefined }> {
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPE };
    if (guid !== undefined) headers.guid = guid;
    const query = operation.query ? `?${new URLSearchParams(operation.query).toString()}` : '';
    const startedAt = Date.now();
    const response = await this.http.request({
      method: operation.method,
      url: `${this.root}${operation.path}${query}`,
      headers,
      ...(operation.body !== undefined ? { body: JSON.stringify(operation.body) } : {}),
      timeoutMs,
      ...(signal ? { signal } : {}),
    });
    this.options.log.debug('Huawei request', { method: operation.method, path: operation.path, status: response.status, ms: Date.now() - startedAt });
    return { response, setGuid: readSetGuid(response) };
  }

  private envelopeOf(response: HttpResponse): GatewayEnvelope {
    if (response.status !== 200) throw new GatewayResponseError(response.status, 'http-status', `The gateway answered HTTP ${response.status}`);
    const envelope = parseEnvelope(response.text);
    if (!envelope) throw new GatewayResponseError(response.status, 'malformed', 'The gateway answered with something that is not its JSON envelope');
    return envelope;
  }
}

/** `Set-GUID: JSESSIONID=<guid>`; the GUID is the part after `JSESSIONID=`. */
export function readSetGuid(response: Pick<HttpResponse, 'headers'>): string | undefined {
  const raw = response.headers['set-guid'];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const value = values.at(-1)?.trim();
  if (!value) return undefined;
  const match = /JSESSIONID=([^;\s]+)/i.exec(value);
  if (match) return match[1];
  return value.includes('=') ? undefined : value;
}
