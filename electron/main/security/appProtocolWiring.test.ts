import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { APP_SCHEME } from './appOrigin';
import { securityHeaders } from './contentSecurityPolicy';

/**
 * appProtocol.ts wires the asset-path rule and the security headers to Electron's protocol
 * module. Electron's `protocol` and `net` are stood in for: `protocol` records what is
 * registered, `net.fetch` reads the file the handler asks for, as Electron's does for file://.
 */

type Handler = (request: Request) => Promise<Response>;
const registered: unknown[] = [];
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
    handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler),
  },
  net: {
    fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'text/html' } }),
  },
}));
const { registerAppScheme, serveAppAssets } = await import('../appProtocol');

const silent = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('the app:// scheme', () => {
  it('is standard and secure, without bypassing CSP, without CORS and without service workers', () => {
    registerAppScheme();
    expect(registered).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  describe('serving the renderer', () => {
    const root = mkdtempSync(join(tmpdir(), 'softphone-app-'));
    const dir = join(root, 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(root, 'outside-the-renderer.txt'), 'secret');
    serveAppAssets(dir, silent);
    const serve = (url: string): Promise<Response> => {
      const handler = handlers.get(APP_SCHEME);
      if (!handler) throw new Error('no app:// handler');
      return handler(new Request(url));
    };

    it.each(['app://softphone/index.html', 'app://softphone/', 'app://softphone/assets/app.js'])('serves %s with the security headers', async (url) => {
      const response = await serve(url);
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(securityHeaders())) expect(response.headers.get(name)).toBe(value);
    });

    it.each([
      'app://softphone/../outside-the-renderer.txt',
      'app://softphone/%2e%2e/outside-the-renderer.txt',
      'app://softphone/..%2Foutside-the-renderer.txt',
      'app://softphone/assets%5C..%5C..%5Coutside-the-renderer.txt',
      'app://softphone/index.html%00.js',
      'app://other-host/index.html',
      'app://softphone/missing.js',
    ])('answers %s with 404, still with the security headers', async (url) => {
      const response = await serve(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
      for (const [name, value] of Object.entries(securityHeaders())) expect(response.headers.get(name)).toBe(value);
    });
  });
});
