/**
 * The renderer is served from a privileged custom scheme rather than file://: a file:// page
 * shares its origin with every local file, and Chromium never runs header hooks for file://,
 * so a CSP header could not be attached to it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'softphone';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Node's URL gives custom schemes an opaque origin ('null'), so the scheme and host (with any
 * port) are compared directly. Chromium hands us canonical lower-case URLs; case is ignored anyway.
 */
export function isSameOrigin(url: URL, appUrl: URL): boolean {
  return (
    url.protocol.toLowerCase() === appUrl.protocol.toLowerCase() &&
    url.host.toLowerCase() === appUrl.host.toLowerCase() &&
    url.host !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** `value` (a URL or a serialised origin) belongs to the app page's origin. */
export function isAppOrigin(value: string, appUrl: string): boolean {
  const url = parseUrl(value);
  const app = parseUrl(appUrl);
  return url !== undefined && app !== undefined && isSameOrigin(url, app);
}
