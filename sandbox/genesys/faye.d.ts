/** The part of faye 1.4 (which ships no types) the Genesys emulator uses. */
declare module 'faye' {
  import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
  import type { Readable } from 'node:stream';

  export interface BayeuxMessage {
    channel: string;
    id?: string;
    clientId?: string;
    data?: unknown;
    successful?: boolean;
    error?: string;
    advice?: Record<string, unknown>;
    supportedConnectionTypes?: string[];
    subscription?: string | string[];
    connectionType?: string;
    ext?: unknown;
    [field: string]: unknown;
  }

  /** What `handle` reads from a request: its head and its body stream. */
  export type BayeuxHttpRequest = Readable & { method: string; url: string; headers: IncomingHttpHeaders };

  /** Server extension; `request` is null for messages of the in-process client. */
  export interface Extension {
    incoming?(message: BayeuxMessage, request: BayeuxHttpRequest | null, callback: (message: BayeuxMessage) => void): void;
    outgoing?(message: BayeuxMessage, request: BayeuxHttpRequest | null, callback: (message: BayeuxMessage) => void): void;
  }

  export interface Publication {
    then(onSucceeded: () => void, onFailed: (error: unknown) => void): void;
  }

  export interface Client {
    publish(channel: string, data: unknown): Publication;
    disconnect(): void;
  }

  export interface NodeAdapterOptions {
    mount: string;
    /** Seconds a `/meta/connect` is held (Bayeux `advice.timeout` / 1000). */
    timeout: number;
    extensions?: Extension[];
  }

  export interface NodeAdapter {
    handle(request: BayeuxHttpRequest, response: ServerResponse): void;
    getClient(): Client;
    close(): void;
  }

  const faye: {
    NodeAdapter: new (options: NodeAdapterOptions) => NodeAdapter;
  };
  export default faye;
}
