import { adapt } from 'cometd-nodejs-client';
import type { CookieJar } from 'tough-cookie';

/**
 * What a CometD long-polling transport carries in its `context` (the official hook the
 * transport copies into each XMLHttpRequest) so the Node shim sends that client's cookies.
 */
export interface BayeuxCookieContext {
  cookieJar: CookieJar;
}

function isCookieContext(value: unknown): value is BayeuxCookieContext {
  return typeof value === 'object' && value !== null && 'cookieJar' in value;
}

/**
 * The shim hands `storeCookie` no context, but it passes the same per-request URL object it
 * gave `retrieveCookies` just before; this remembers which jar that request belongs to, so
 * cookies a Bayeux response sets land in the jar of the client that sent it.
 */
const jarOfRequest = new WeakMap<object, CookieJar>();

let installed = false;

/**
 * `cometd-nodejs-client` installs `window.XMLHttpRequest` process-wide; its cookie hooks are
 * pointed at the cookie jar of each client (the JSESSIONID that authorises Bayeux requests
 * comes from the REST sign-in), so several profiles never share a session.
 */
export function installCometdRuntime(): void {
  if (installed) return;
  installed = true;
  adapt({
    cookies: {
      retrieveCookies(context: unknown, uri: URL, callback: (failure: Error | null, cookies: string[]) => void) {
        if (!isCookieContext(context)) {
          callback(null, []);
          return;
        }
        jarOfRequest.set(uri, context.cookieJar);
        context.cookieJar.getCookieString(uri.href).then(
          (cookies) => callback(null, cookies ? [cookies] : []),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), []),
        );
      },
      storeCookie(uri: URL, setCookie: string, callback: (failure: Error | null, cookie: unknown) => void) {
        const jar = jarOfRequest.get(uri);
        if (!jar) {
          callback(null, undefined);
          return;
        }
        jar.setCookie(setCookie, uri.href, { ignoreError: true }).then(
          (cookie) => callback(null, cookie),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), undefined),
        );
      },
    },
  });
}
