import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppEvent } from '../../shared/ipc/contract';
import type { SoftphoneCore } from '../core/softphoneCore';
import { resolveStaticPath } from './staticFiles';
import { startShellServer, type ShellServer } from './shellServer';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A core that echoes: enough to test the transport's gatekeeping. */
function echoCore() {
  const listeners = new Set<(event: AppEvent) => void>();
  const dispatched: unknown[] = [];
  const core: SoftphoneCore = {
    dispatch: async (channel, payload) => {
      dispatched.push({ channel, payload });
      return { ok: true, value: { channel } };
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resume: () => undefined,
    dispose: async () => undefined,
  };
  return { core, dispatched, emit: (event: AppEvent) => listeners.forEach((l) => l(event)) };
}

function attempt(url: string, headers: Record<string, string>): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
    ws.on('error', () => resolve({ opened: false }));
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser shell server', () => {
  let server: ShellServer;
  let echo: ReturnType<typeof echoCore>;
  let wsBase: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    echo = echoCore();
    server = await startShellServer({ core: echo.core, rendererDir: dir, log: silent });
    wsBase = `${server.origin.replace('http', 'ws')}/ws`;
  });
  afterAll(() => server.close());

  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
  });

  it('accepts the right token from its own Origin and carries calls and events', async () => {
    const ws = new WebSocket(`${wsBase}?token=${server.token}`, { headers: { origin: server.origin } });
    await new Promise((resolve) => ws.on('open', resolve));
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ id: 1, channel: 'app.bootstrap', payload: {} }));
    echo.emit({ type: 'notice', level: 'info', message: 'hello' });
    echo.emit({ type: 'notice', level: 'info', message: 'again' });
    await expect.poll(() => messages.length).toBeGreaterThanOrEqual(2);
    expect(messages).toContainEqual({ id: 1, outcome: { ok: true, value: { channel: 'app.bootstrap' } } });
    expect(messages).toContainEqual({ events: [{ type: 'notice', level: 'info', message: 'hello' }, { type: 'notice', level: 'info', message: 'again' }] });
    ws.close();
  });

  it.each([
    ['no token', (s: ShellServer) => ({ url: `${wsBase}`, headers: { origin: s.origin } }), 401],
    ['a wrong token', (s: ShellServer) => ({ url: `${wsBase}?token=${s.token.slice(1)}x`, headers: { origin: s.origin } }), 401],
    ['a foreign Origin', (s: ShellServer) => ({ url: `${wsBase}?token=${s.token}`, headers: { origin: 'https://evil.example' } }), 403],
    ['no Origin', (s: ShellServer) => ({ url: `${wsBase}?token=${s.token}`, headers: {} }), 403],
    ['a foreign Host (DNS rebinding)', (s: ShellServer) => ({ url: `${wsBase}?token=${s.token}`, headers: { origin: s.origin, host: 'evil.example' } }), 421],
  ])('refuses a socket with %s', async (_name, make, status) => {
    const before = echo.dispatched.length;
    const { url, headers } = make(server);
    const result = await attempt(url, headers);
    expect(result.opened).toBe(false);
    expect(result.status).toBe(status);
    expect(echo.dispatched.length).toBe(before);
  });

  it('serves the renderer with the strict CSP and refuses cross-site and foreign-Host page loads', async () => {
    const page = await get(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.csp).toContain("connect-src 'self'");
    expect(page.csp).toContain("script-src 'self'");
    expect((await get(`${server.origin}/`, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(`${server.origin}/`, { host: 'evil.example' })).status).toBe(421);
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a%00b'])('never serves %s from outside the renderer folder', (path) => {
    expect(resolveStaticPath('/srv/renderer', path)).toBeUndefined();
  });
});
