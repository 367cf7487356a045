import { Cookie } from 'tough-cookie';
import type { EmulatorRequest, EmulatorResponse } from '../../framework/emulatorServer';
import { accessDenied, csrfRejected } from '../gwsReplies';
import type { GenesysUser } from '../options';
import type { HttpSession, SessionStore } from './sessions';

export const SESSION_COOKIE = 'JSESSIONID';
export const CSRF_HEADER_NAME = 'X-CSRF-TOKEN';

export interface Credentials {
  userName: string;
  password: string;
}

/**
 * `Authorization: Basic …` → credentials; `invalid` when the header is Basic but unreadable.
 * Other schemes are not Basic's business (Spring's Basic filter skips them): `undefined`.
 */
export function parseBasicAuthorization(header: string | undefined): Credentials | 'invalid' | undefined {
  if (!header || !/^Basic\b/i.test(header)) return undefined;
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return 'invalid';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return 'invalid';
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Every `JSESSIONID` value of a `Cookie` request header, in order. */
export function sessionIdsFromCookieHeader(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((pair) => Cookie.parse(pair.trim(), { loose: false }))
    .filter((cookie): cookie is Cookie => cookie?.key === SESSION_COOKIE)
    .map((cookie) => cookie.value);
}

export const sessionCookie = (session: HttpSession): string =>
  new Cookie({ key: SESSION_COOKIE, value: session.id, path: '/', httpOnly: true }).toString();

export interface GateConfig {
  sessions: SessionStore;
  users: ReadonlyMap<string, GenesysUser>;
  csrf: boolean;
}

export type Admission =
  | { admitted: true; session: HttpSession; user: GenesysUser; headers: Record<string, string> }
  | { admitted: false; response: EmulatorResponse };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * GWS's security chain: the CSRF filter first (only in CSRF mode, only unsafe methods, never
 * on the notifications endpoint), then Basic credentials or a live session cookie. A request
 * admitted by Basic without a matching live session gets a new session and its cookie.
 */
export function admit(req: EmulatorRequest, config: GateConfig, options: { csrfExempt: boolean }): Admission {
  const cookieSession = sessionIdsFromCookieHeader(req.headers.cookie)
    .map((id) => config.sessions.find(id))
    .find((session) => session !== undefined);

  if (config.csrf && !options.csrfExempt && UNSAFE_METHODS.has(req.method)) {
    const token = req.headers[CSRF_HEADER_NAME.toLowerCase()];
    if (!cookieSession || token !== cookieSession.csrfToken) return { admitted: false, response: csrfRejected() };
  }

  const credentials = parseBasicAuthorization(req.headers.authorization);
  let session: HttpSession | undefined = cookieSession;
  let created = false;
  if (credentials !== undefined) {
    const user = credentials === 'invalid' ? undefined : config.users.get(credentials.userName);
    if (!user || credentials === 'invalid' || user.password !== credentials.password) return { admitted: false, response: accessDenied() };
    if (session?.userName !== user.userName) {
      session = config.sessions.create(user.userName);
      created = true;
    }
  }
  const user = session && config.users.get(session.userName);
  if (!session || !user) return { admitted: false, response: accessDenied() };

  const headers: Record<string, string> = {};
  if (created) headers['Set-Cookie'] = sessionCookie(session);
  if (config.csrf && req.method === 'GET') {
    headers['X-CSRF-HEADER'] = CSRF_HEADER_NAME;
    headers[CSRF_HEADER_NAME] = session.csrfToken;
  }
  return { admitted: true, session, user, headers };
}
