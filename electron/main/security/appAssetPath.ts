import { isAbsolute, join, relative, sep } from 'node:path';
import { isSameOrigin, parseUrl } from './appOrigin';

/**
 * The file under `rootDir` that an app-protocol request names, or undefined when the request
 * is for another origin or would escape `rootDir` (`..`, encoded separators, backslashes, NUL bytes).
 */
export function resolveAppAsset(requestUrl: string, appUrl: string, rootDir: string): string | undefined {
  const url = parseUrl(requestUrl);
  const app = parseUrl(appUrl);
  if (url === undefined || app === undefined || !isSameOrigin(url, app)) return undefined;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  // Backslashes are separators on Windows; no built asset has one in its name.
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  if (pathname === '/' || pathname === '') pathname = app.pathname;

  const file = join(rootDir, pathname);
  const inside = relative(rootDir, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return file;
}
