import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';

// Installs XMLHttpRequest/WebSocket on a global `window` for the official CometD client.
adapt();

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

/**
 * The official CometD JavaScript client (through cometd-nodejs-client), subscribed to GWS
 * channels and recording what arrives. It subscribes again after every handshake, as a GWS
 * client must (a re-handshake drops the subscriptions).
 */
export class CometdRecorder {
  readonly cometd = new CometD();
  readonly messages: Message[] = [];
  readonly handshakeReplies: Message[] = [];
  /** Successful subscribe replies since the last successful handshake. */
  private subscribed = 0;
  private waiters: Waiter[] = [];

  constructor(
    baseUrl: string,
    cookieHeader: string,
    private readonly channels: readonly string[] = ['/v2/me/calls', '/v2/me/devices'],
  ) {
    this.cometd.configure({
      url: `${baseUrl}/api/v2/notifications`,
      // The session cookie goes in requestHeaders: cometd-nodejs-client merges it into its Cookie header.
      requestHeaders: { Cookie: cookieHeader },
      logLevel: 'warn',
      maxBackoff: 200,
      backoffIncrement: 50,
    });
    this.cometd.addListener('/meta/handshake', (reply) => {
      this.handshakeReplies.push(reply);
      if (!reply.successful) return this.changed();
      this.subscribed = 0;
      for (const channel of this.channels) {
        this.cometd.subscribe(
          channel,
          (message) => this.record(message),
          (subscribeReply) => {
            if (subscribeReply.successful) this.subscribed += 1;
            this.changed();
          },
        );
      }
      this.changed();
    });
  }

  /** Successful handshakes so far. */
  get handshakes(): number {
    return this.handshakeReplies.filter((reply) => reply.successful).length;
  }

  /** Handshakes and waits until every channel is subscribed. */
  async start(): Promise<void> {
    this.cometd.handshake();
    await this.until(() => this.handshakes >= 1 && this.subscribed === this.channels.length, 'first handshake and subscriptions');
  }

  /** Waits until the client has handshaken `count` times and subscribed again. */
  waitForHandshakes(count: number): Promise<void> {
    return this.until(() => this.handshakes >= count && this.subscribed === this.channels.length, `${count} handshakes`);
  }

  /** Resolves with the first recorded message (past or future) that matches. */
  async waitFor(predicate: (message: Message) => boolean, description: string, timeoutMs = 5_000): Promise<Message> {
    await this.until(() => this.messages.some(predicate), description, timeoutMs);
    const found = this.messages.find(predicate);
    if (!found) throw new Error(`lost ${description}`);
    return found;
  }

  /** Call messages of one call, in arrival order. */
  callMessages(callId: string): Array<Record<string, unknown>> {
    return this.messages
      .filter((message) => message.channel === '/v2/me/calls')
      .map((message) => message.data as Record<string, unknown>)
      .filter((data) => (data.call as { id?: string } | undefined)?.id === callId);
  }

  /** Waits for the call message matching `notificationType` and `state`. */
  waitForCall(callId: string, state: string, notificationType = 'StatusChange'): Promise<Message> {
    return this.waitFor(
      (message) => {
        const data = message.data as { notificationType?: string; call?: { id?: string; state?: string } } | undefined;
        return message.channel === '/v2/me/calls' && data?.call?.id === callId && data.call.state === state && data.notificationType === notificationType;
      },
      `${notificationType} ${state} of ${callId}`,
    );
  }

  /** The id of the first Dialing call seen for `phoneNumber` (GWS's Dial reply carries none). */
  async dialedCallId(phoneNumber: string): Promise<string> {
    const message = await this.waitFor((candidate) => {
      const data = candidate.data as { call?: { state?: string; dnis?: string } } | undefined;
      return candidate.channel === '/v2/me/calls' && data?.call?.state === 'Dialing' && data.call.dnis === phoneNumber;
    }, `Dialing to ${phoneNumber}`);
    return (message.data as { call: { id: string } }).call.id;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.cometd.isDisconnected()) return resolve();
      this.cometd.disconnect(() => resolve());
    });
  }

  private record(message: Message): void {
    this.messages.push(message);
    this.changed();
  }

  private changed(): void {
    const pending = this.waiters;
    this.waiters = [];
    for (const waiter of pending) {
      if (waiter.check()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private until(check: () => boolean, description: string, timeoutMs = 5_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`Timed out waiting for ${description}`));
      }, timeoutMs);
      const entry: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(entry);
    });
  }
}
