import { isSameOrigin, parseUrl } from './appOrigin';

/**
 * The window only ever shows the app's own page. A reload or a fragment change is fine;
 * anything else (another origin, another file, javascript:, data:) is refused.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appUrl);
  if (target === undefined || app === undefined) return false;
  return isSameOrigin(target, app) && target.pathname === app.pathname && target.search === app.search;
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * A link the user activated that asks for a new window: the https address to hand to the OS
 * browser, or undefined to open nothing. Script in the page is only ever our own bundle
 * (CSP script-src 'self'), so such requests come from links in our UI.
 */
export function externalLinkToOpen(url: string): string | undefined {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return undefined;
  const target = parseUrl(url);
  if (target === undefined || target.protocol !== 'https:') return undefined;
  if (target.username !== '' || target.password !== '' || target.hostname === '') return undefined;
  return target.href;
}
