import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultInjector, FaultSpecSchema } from './faults';
import { RequestLog } from './requestLog';

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  params: Record<string, string>;
  /** Epoch milliseconds with sub-millisecond precision, taken when the request line arrived. */
  receivedAt: number;
  raw: IncomingMessage;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
}

/** A handler either answers or takes over the raw response (long-polls, Bayeux). */
export type RouteHandler = (
  req: EmulatorRequest,
  res: ServerResponse,
) => EmulatorResponse | Promise<EmulatorResponse> | 'handled' | Promise<'handled'>;

export interface Route {
  method: string | '*';
  /** Path with `:name` segments, or a regular expression whose named groups become params. */
  path: string | RegExp;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
}

function compile(route: Route): CompiledRoute {
  if (route.path instanceof RegExp) return { ...route, regex: route.path };
  const source = route.path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`) };
}

export const nowMs = (): number => performance.timeOrigin + performance.now();

export interface EmulatorServerOptions {
  name: string;
  routes: Route[];
  /** Called by `POST /__sandbox/reset`, after faults and the request log are cleared. */
  onReset?: () => void;
}

/**
 * The HTTP server every emulator runs on: a route table, a request log and fault injection
 * under `/__sandbox/*` (not part of any vendor API), and clean shutdown of open sockets.
 */
export class EmulatorServer {
  readonly name: string;
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  private readonly routes: CompiledRoute[];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly onReset: (() => void) | undefined;

  constructor(options: EmulatorServerOptions) {
    this.name = options.name;
    this.onReset = options.onReset;
    this.routes = [...this.controlRoutes(), ...options.routes].map(compile);
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get httpServer(): Server {
    return this.server;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Drops every open connection (long-polls included) without stopping the server. */
  dropConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }

  private controlRoutes(): Route[] {
    return [
      {
        method: 'GET',
        path: '/__sandbox/requests',
        handler: (req) => ({ status: 200, body: { requests: this.log.list(req.query.get('path') ?? undefined) } }),
      },
      { method: 'DELETE', path: '/__sandbox/requests', handler: () => (this.log.clear(), { status: 204 }) },
      {
        method: 'POST',
        path: '/__sandbox/faults',
        handler: (req) => {
          const parsed = FaultSpecSchema.safeParse(parseJson(req.rawBody));
          if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'invalid fault' } };
          return { status: 201, body: { id: this.faults.add(parsed.data) } };
        },
      },
      { method: 'DELETE', path: '/__sandbox/faults', handler: () => (this.faults.clear(), { status: 204 }) },
      {
        method: 'POST',
        path: '/__sandbox/drop-connections',
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ dropped: this.sockets.size - 1 }));
          for (const socket of this.sockets) if (socket !== res.socket) socket.destroy();
          return 'handled';
        },
      },
      {
        method: 'POST',
        path: '/__sandbox/reset',
        handler: () => {
          this.faults.clear();
          this.log.clear();
          this.onReset?.();
          return { status: 204 };
        },
      },
    ];
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = nowMs();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const rawBody = await readBody(req);
    const isControl = url.pathname.startsWith('/__sandbox/');
    if (!isControl) this.log.record({ method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers, body: rawBody, at: receivedAt });

    const fault = isControl ? undefined : this.faults.match(req.method ?? 'GET', url.pathname);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.action === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.action === 'respond') {
      send(res, { status: fault.status ?? 500, headers: fault.headers, body: fault.body ?? '' }, fault.truncate);
      return;
    }

    for (const route of this.routes) {
      if (route.method !== '*' && route.method !== req.method) continue;
      const match = route.regex.exec(url.pathname);
      if (!match) continue;
      const request: EmulatorRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        params: { ...(match.groups ?? {}) },
        receivedAt,
        raw: req,
      };
      try {
        const result = await route.handler(request, res);
        if (result !== 'handled') send(res, result, fault?.truncate);
      } catch (error) {
        send(res, { status: 500, body: { emulatorError: String(error) } });
      }
      return;
    }
    send(res, { status: 404, body: { error: `No ${this.name} route for ${req.method} ${url.pathname}` } });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, response: EmulatorResponse, truncate = false): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof response.body === 'string' || response.body === undefined;
  const payload = response.body === undefined ? '' : isText ? String(response.body) : JSON.stringify(response.body);
  const headers: Record<string, string | string[]> = { ...(response.headers ?? {}) };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (!hasType && payload !== '') headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  if (truncate && payload.length > 1) {
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers);
    res.write(payload.slice(0, Math.floor(payload.length / 2)));
    res.socket?.destroy();
    return;
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
