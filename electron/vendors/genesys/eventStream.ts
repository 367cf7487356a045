import { CometD, type Message, type Transport } from 'cometd';
import type { CookieJar } from 'tough-cookie';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../adapter';
import { installCometdRuntime, type BayeuxCookieContext } from './cometdRuntime';
import { useJitteredBackoff, type StreamBackoff } from './streamBackoff';

const CALL_CHANNEL = '/v2/me/calls';
const DEVICE_CHANNEL = '/v2/me/devices';

export type StreamStatus =
  /** Long-poll or handshake failing; the CometD client keeps retrying on its own. */
  | { kind: 'interrupted'; reason: string }
  /** Flowing again. After a re-handshake the server forgot us, so events may have been lost. */
  | { kind: 'restored' }
  /** A re-handshake succeeded but subscribing again failed: events are not arriving. */
  | { kind: 'failed'; reason: string };

export interface GwsEventStreamOptions {
  baseUrl: string;
  /** The REST client's jar: its JSESSIONID authorises the Bayeux requests. */
  cookieJar: CookieJar;
  log: Logger;
  /**
   * How long a Bayeux reply may take beyond the server's `advice.timeout`; CometD waits
   * `advice.timeout` + this for a long-poll (vendors/genesys.md §6 rule 8: more than 10 s).
   */
  maxNetworkDelayMs: number;
  /** Retries after a failure wait CometD's linear back-off, bounded by this and jittered. */
  backoff: StreamBackoff;
  random: () => number;
  onMessage(channel: string, data: unknown): void;
  onStatus(status: StreamStatus): void;
  /** The server refused a Bayeux request with HTTP 403: the HTTP session is gone. */
  onSessionLost(): void;
}

/** How long `stop()` waits for the server to confirm `/meta/disconnect` before cutting the connection. */
const DISCONNECT_GRACE_MS = 2000;

const FailureSchema = z.object({
  error: z.string().optional().catch(undefined),
  failure: z
    .object({ httpCode: z.number().optional().catch(undefined), reason: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

function describeFailure(message: Message): { reason: string; httpCode: number | undefined } {
  const parsed = FailureSchema.safeParse(message);
  const error = parsed.success ? parsed.data.error : undefined;
  const failure = parsed.success ? parsed.data.failure : undefined;
  // 0 means no HTTP response at all (connection refused or cut).
  const httpCode = failure?.httpCode || undefined;
  const reason = error ?? (httpCode ? `HTTP ${httpCode}` : failure?.reason) ?? 'no reason given';
  return { reason, httpCode };
}

/**
 * The GWS notification stream over CometD long-polling (the official `cometd` client):
 * handshake, subscribe to the call and device channels, and after any re-handshake the
 * client performs on its own (`402::Unknown client`, advice `reconnect: handshake`)
 * subscribe again and report `restored` so the adapter resyncs what it may have missed.
 */
export class GwsEventStream {
  private readonly cometd: CometD;
  private readonly transport: Transport & { context?: BayeuxCookieContext };
  private phase: 'idle' | 'starting' | 'running' | 'stopped' = 'idle';
  private interrupted = false;
  private resubscribing = false;
  private requestHeaders: Record<string, string> = {};
  private startSettled: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly options: GwsEventStreamOptions) {
    installCometdRuntime();
    this.cometd = new CometD();
    // GWS 8.5 speaks long-polling only; the other transports would be tried first.
    this.cometd.unregisterTransport('websocket');
    this.cometd.unregisterTransport('callback-polling');
    const transport = this.cometd.findTransport('long-polling');
    if (!transport) throw new Error('The CometD long-polling transport is missing');
    this.transport = transport;
    this.transport.context = { cookieJar: options.cookieJar };
    this.configure();
    useJitteredBackoff(this.cometd, options.random, (retry) => options.log.debug('GWS CometD retry scheduled', retry));
  }

  /** Resolves once the handshake succeeded and both channels are subscribed. */
  start(): Promise<void> {
    if (this.phase !== 'idle') return Promise.reject(new Error('The event stream was already started'));
    this.phase = 'starting';
    this.cometd.addListener('/meta/handshake', (message) => this.onHandshake(message));
    this.cometd.addListener('/meta/connect', (message) => this.onConnect(message));
    return new Promise<void>((resolve, reject) => {
      this.startSettled = { resolve, reject };
      this.cometd.handshake();
    });
  }

  /** Extra headers for every Bayeux request (the CSRF token, which changes with the session). */
  setRequestHeaders(headers: Record<string, string>): void {
    this.requestHeaders = headers;
    this.configure();
  }

  /**
   * Cuts the held long-poll, which after a sleep may hang on a connection that died, so the
   * client connects again now (re-handshaking if the server forgot it) instead of after
   * `advice.timeout` + the network delay.
   */
  reconnectNow(): void {
    if (this.phase !== 'running') return;
    this.cometd.resetBackoffPeriod();
    this.transport.abort();
  }

  async stop(): Promise<void> {
    if (this.phase === 'stopped') return;
    const wasIdle = this.phase === 'idle';
    this.phase = 'stopped';
    this.settleStart(new Error('The event stream was stopped'));
    this.cometd.clearListeners();
    if (wasIdle || this.cometd.isDisconnected()) return;
    const transport = this.cometd.getTransport();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DISCONNECT_GRACE_MS);
      this.cometd.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    // The server may still hold the last long-poll; cut it so no request or timer outlives us.
    transport?.abort();
  }

  private configure(): void {
    this.cometd.configure({
      url: `${this.options.baseUrl.replace(/\/+$/, '')}/api/v2/notifications`,
      logLevel: 'warn',
      maxNetworkDelay: this.options.maxNetworkDelayMs,
      backoffIncrement: this.options.backoff.incrementMs,
      maxBackoff: this.options.backoff.maxMs,
      requestHeaders: this.requestHeaders,
    });
  }

  private onHandshake(message: Message): void {
    if (this.phase === 'stopped') return;
    if (!message.successful) {
      const { reason, httpCode } = describeFailure(message);
      this.options.log.warn('GWS CometD handshake failed', { reason });
      if (this.phase === 'starting') {
        this.settleStart(
          new AppError({
            code: 'NETWORK',
            message: `Cannot open the Genesys event stream: the CometD handshake failed (${reason}).`,
            hint: 'Check that the server address in Settings points at Genesys Web Services with the voice API enabled.',
          }),
        );
        return;
      }
      this.interrupt(reason);
      if (httpCode === 403) this.options.onSessionLost();
      return;
    }
    const first = this.phase === 'starting';
    this.resubscribing = !first;
    this.subscribe().then(
      () => {
        if (first) {
          this.phase = 'running';
          this.settleStart();
          return;
        }
        this.options.log.info('GWS CometD re-handshake complete; channels subscribed again');
        this.resubscribing = false;
        this.interrupted = false;
        this.options.onStatus({ kind: 'restored' });
      },
      (error: Error) => {
        if (first) {
          this.settleStart(new AppError({ code: 'VENDOR_REJECTED', message: `Cannot follow calls on Genesys: ${error.message}.` }));
          return;
        }
        this.options.log.error('GWS CometD resubscription failed', { reason: error.message });
        this.options.onStatus({ kind: 'failed', reason: error.message });
      },
    );
  }

  private onConnect(message: Message): void {
    if (this.phase !== 'running') return;
    if (!message.successful) {
      const { reason, httpCode } = describeFailure(message);
      this.interrupt(reason);
      if (httpCode === 403) this.options.onSessionLost();
      return;
    }
    if (this.interrupted && !this.resubscribing) {
      this.interrupted = false;
      this.options.onStatus({ kind: 'restored' });
    }
  }

  private interrupt(reason: string): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.options.log.warn('GWS event stream interrupted', { reason });
    this.options.onStatus({ kind: 'interrupted', reason });
  }

  /** Both channels in one batch; subscriptions do not survive a handshake, so this runs after each. */
  private subscribe(): Promise<void> {
    const channels = [CALL_CHANNEL, DEVICE_CHANNEL];
    return new Promise<void>((resolve, reject) => {
      let pending = channels.length;
      this.cometd.batch(() => {
        for (const channel of channels) {
          this.cometd.subscribe(
            channel,
            (event) => this.deliver(event),
            (reply) => {
              if (!reply.successful) reject(new Error(`subscription to ${channel} refused (${describeFailure(reply).reason})`));
              else if (--pending === 0) resolve();
            },
          );
        }
      });
    });
  }

  private deliver(event: Message): void {
    try {
      this.options.onMessage(event.channel, event.data);
    } catch (error) {
      this.options.log.error('GWS event handling failed', { channel: event.channel, reason: String(error) });
    }
  }

  private settleStart(error?: Error): void {
    const settled = this.startSettled;
    this.startSettled = undefined;
    if (!settled) return;
    if (error) settled.reject(error);
    else settled.resolve();
  }
}
