import { randomBytes, randomUUID } from 'node:crypto';

/** A servlet HTTP session: what the `JSESSIONID` cookie points at. */
export interface HttpSession {
  id: string;
  userName: string;
  /** GWS's CSRF token lives exactly as long as the HTTP session. */
  csrfToken: string;
}

/** Live HTTP sessions; invalidation is announced so the session's CometD clients die with it. */
export class SessionStore {
  private readonly sessions = new Map<string, HttpSession>();
  private readonly invalidationListeners = new Set<(session: HttpSession) => void>();

  create(userName: string): HttpSession {
    const session = { id: randomBytes(16).toString('hex').toUpperCase(), userName, csrfToken: randomUUID() };
    this.sessions.set(session.id, session);
    return session;
  }

  find(id: string): HttpSession | undefined {
    return this.sessions.get(id);
  }

  list(): HttpSession[] {
    return [...this.sessions.values()];
  }

  invalidate(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    for (const listener of this.invalidationListeners) listener(session);
  }

  /** Invalidates every session (of one user when given); returns how many died. */
  invalidateAll(userName?: string): number {
    const doomed = this.list().filter((session) => userName === undefined || session.userName === userName);
    for (const session of doomed) this.invalidate(session.id);
    return doomed.length;
  }

  onInvalidate(listener: (session: HttpSession) => void): void {
    this.invalidationListeners.add(listener);
  }
}
