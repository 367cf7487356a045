import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The CSP of the renderer page: the same policy the Electron window enforces. */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export type Verdict = { ok: true } | { ok: false; status: number; reason: string };

/** Refuses DNS-rebinding (a Host that is not our loopback origin) and cross-site page loads. */
export function checkPageRequest(headers: IncomingHttpHeaders, origin: string): Verdict {
  if (`http://${headers.host ?? ''}` !== origin) return { ok: false, status: 421, reason: 'wrong Host' };
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site') return { ok: false, status: 403, reason: 'cross-site request' };
  return { ok: true };
}

/** The contract socket needs our Host, our Origin, and the token printed at start. */
export function checkSocketRequest(headers: IncomingHttpHeaders, url: URL, origin: string, token: string): Verdict {
  if (`http://${headers.host ?? ''}` !== origin) return { ok: false, status: 421, reason: 'wrong Host' };
  if (headers.origin !== origin) return { ok: false, status: 403, reason: 'foreign or missing Origin' };
  const presented = url.searchParams.get('token') ?? '';
  if (!sameSecret(presented, token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
