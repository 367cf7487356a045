import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import faye, { type BayeuxHttpRequest, type Client, type NodeAdapter } from 'faye';
import type { EmulatorRequest } from '../../framework/emulatorServer';
import type { HttpSession } from '../http/sessions';
import { gwsWireExtension } from './gwsWire';

export const NOTIFICATIONS_PATH = '/api/v2/notifications';

interface SessionEndpoint {
  userName: string;
  adapter: NodeAdapter;
  publisher?: Client;
  /** Settles when the latest publication is acknowledged. */
  lastPublication: Promise<void>;
}

/**
 * The CometD side of GWS, on faye. Each HTTP session gets its own Bayeux server, so its
 * clients die with the session (EndContactCenterSession, expiry) and a clientId presented
 * under another session is unknown there — answered `402::Unknown client`, as GWS does.
 */
export class BayeuxHub {
  private readonly endpoints = new Map<string, SessionEndpoint>();

  constructor(private timeoutMs: number) {}

  /** Applies to Bayeux servers created from now on (after a drop or for new sessions). */
  setTimeout(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
  }

  /** Hands an authorised notifications request to the Bayeux server of its HTTP session. */
  handle(session: HttpSession, req: EmulatorRequest, res: ServerResponse, headers: Record<string, string>): 'handled' {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    this.endpointFor(session).adapter.handle(replayOf(req), res);
    return 'handled';
  }

  /** Publishes to every live session of the user; returns how many sessions it reached. */
  publish(userName: string, channel: string, data: unknown): number {
    let reached = 0;
    for (const endpoint of this.endpoints.values()) {
      if (endpoint.userName !== userName) continue;
      const publisher = (endpoint.publisher ??= endpoint.adapter.getClient());
      // faye's in-process client can reorder publications made while it is still handshaking,
      // so each one waits for the previous one's acknowledgement.
      endpoint.lastPublication = endpoint.lastPublication.then(
        () => new Promise<void>((settle) => publisher.publish(channel, data).then(() => settle(), () => settle())),
      );
      reached += 1;
    }
    return reached;
  }

  /** Kills the CometD clients of one HTTP session (their held long-polls return at once). */
  closeSession(sessionId: string): void {
    const endpoint = this.endpoints.get(sessionId);
    if (!endpoint) return;
    this.endpoints.delete(sessionId);
    endpoint.publisher?.disconnect();
    endpoint.adapter.close();
  }

  /** Kills every CometD client; HTTP sessions stay valid. Returns how many sessions had some. */
  closeAll(): number {
    const count = this.endpoints.size;
    for (const sessionId of [...this.endpoints.keys()]) this.closeSession(sessionId);
    return count;
  }

  private endpointFor(session: HttpSession): SessionEndpoint {
    let endpoint = this.endpoints.get(session.id);
    if (!endpoint) {
      const adapter = new faye.NodeAdapter({ mount: NOTIFICATIONS_PATH, timeout: this.timeoutMs / 1000, extensions: [gwsWireExtension] });
      endpoint = { userName: session.userName, adapter, lastPublication: Promise.resolve() };
      this.endpoints.set(session.id, endpoint);
    }
    return endpoint;
  }
}

/** The framework has already read the body; faye reads it again from this replay. */
function replayOf(req: EmulatorRequest): BayeuxHttpRequest {
  const body = new PassThrough();
  body.end(req.rawBody);
  return Object.assign(body, { method: req.method, url: req.raw.url ?? req.path, headers: req.headers });
}
