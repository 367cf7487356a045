import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import type { Logger } from '../vendors/adapter';
import { resolveAppAsset } from './security/appAssetPath';
import { APP_SCHEME, APP_URL } from './security/appOrigin';
import { securityHeaders } from './security/contentSecurityPolicy';

/**
 * Must run before `ready`. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes the page a secure context (Notifications need one), `supportFetchAPI` lets
 * module scripts load, `codeCache` speeds up later starts. No `bypassCSP`, no `corsEnabled`
 * (other origins cannot read our files), no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `rendererDir`, with the CSP and other security headers on every response. */
export function serveAppAssets(rendererDir: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(request.url, APP_URL, rendererDir);
    if (file === undefined) {
      log.warn('app protocol refused a request outside the renderer', { url: request.url });
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
    try {
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(securityHeaders())) headers.set(name, value);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    } catch (error) {
      log.warn('app protocol could not read a renderer file', { url: request.url, error: String(error) });
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
  });
}
