import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppEvent } from '../../shared/ipc/contract';
import { coalesceEvents } from '../core/events/coalesceEvents';
import type { SoftphoneCore } from '../core/softphoneCore';
import type { Logger } from '../vendors/adapter';
import { checkPageRequest, checkSocketRequest, RENDERER_CSP } from './requestPolicy';
import { readStatic } from './staticFiles';
import { ClientMessageSchema, WS_PATH, type ServerMessage } from './wireProtocol';

export interface ShellServerOptions {
  core: SoftphoneCore;
  rendererDir: string;
  port?: number;
  log: Logger;
}

export interface ShellServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * The browser shell (DESIGN §7): serves the renderer on 127.0.0.1 and carries the contract
 * over one WebSocket. It never listens beyond loopback.
 */
export async function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const http: Server = createServer((req, res) => {
    const verdict = checkPageRequest(req.headers, origin);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', origin).pathname;
    void readStatic(options.rendererDir, path).then((file) => {
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': path === '/' || path.endsWith('.html') ? 'no-cache' : 'max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  const sockets = new Set<Socket>();
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const verdict = url.pathname === WS_PATH ? checkSocketRequest(req.headers, url, origin, token) : ({ ok: false, status: 404, reason: 'not found' } as const);
    if (!verdict.ok) {
      options.log.warn('refused a contract socket', { reason: verdict.reason, origin: req.headers.origin });
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.reason}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.core, options.log));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, core: SoftphoneCore, log: Logger): void {
  const send = (message: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // Events are batched per tick, a call's superseded copies dropped: a burst of vendor events
  // costs the renderer one message.
  let pending: AppEvent[] = [];
  const unsubscribe = core.onEvent((event) => {
    pending.push(event);
    if (pending.length === 1) {
      setImmediate(() => {
        const events = coalesceEvents(pending);
        pending = [];
        send({ events });
      });
    }
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      log.warn('contract socket sent a message that is not JSON');
      return;
    }
    const message = ClientMessageSchema.safeParse(raw);
    if (!message.success) {
      log.warn('contract socket sent a malformed message');
      return;
    }
    void core.dispatch(message.data.channel, message.data.payload).then((outcome) => send({ id: message.data.id, outcome }));
  });
  ws.on('close', unsubscribe);
}
