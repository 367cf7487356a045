import { randomInt } from 'node:crypto';
import type { FarEndOutcome } from '../emulator';
import type { StartRequest } from './startChecks';

export type OracleCallState = 'scheduled' | 'initiated' | 'connected' | 'disconnected';

/** One state of a session and when (emulator clock, epoch ms) it begins. */
export interface SessionStep {
  state: OracleCallState;
  at: number;
}

export interface OracleTimings {
  /** initiated → connected for a far end that answers. */
  answerAfterMs: number;
  /** connected → disconnected. */
  callDurationMs: number;
  /** initiated → disconnected for a busy far end. */
  busyAfterMs: number;
  /** initiated → disconnected for a far end that does not answer. */
  noAnswerAfterMs: number;
}

export const DEFAULT_TIMINGS: OracleTimings = { answerAfterMs: 2_000, callDurationMs: 60_000, busyAfterMs: 5_000, noAnswerAfterMs: 30_000 };

export interface OracleSession {
  sessionId: string;
  /** The start request with any authorizeUrl overrides applied; undefined for seeded sessions. */
  request: StartRequest | undefined;
  agentPhone: string | undefined;
  agentExtension: string | undefined;
  outcome: FarEndOutcome;
  /** When the call is (or was) due to start; set for scheduled calls. */
  scheduledFor: number | undefined;
  /** Sorted by `at`; the state at time t is the last step at or before t. */
  steps: SessionStep[];
  /** The state the last status request returned, for `hasChanged`. */
  lastReported: OracleCallState | undefined;
}

const SESSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 26–27 random letters and digits, the shape of the documented ids. */
export function newSessionId(): string {
  const length = 26 + randomInt(2);
  return Array.from({ length }, () => SESSION_ID_ALPHABET[randomInt(SESSION_ID_ALPHABET.length)]).join('');
}

/** The documentation's example user number; vendors/oracle.md §7 says it connects, though it ends in 9. */
export const DOCUMENTED_USER_PHONE = '12026345789';

/** Seed rule (vendors/oracle.md §7): …9 busy, …8 no answer, anything else (and the documented number) answers. */
export function outcomeByNumber(userPhone: string): FarEndOutcome {
  if (userPhone === DOCUMENTED_USER_PHONE) return 'answer';
  if (userPhone.endsWith('9')) return 'busy';
  if (userPhone.endsWith('8')) return 'no-answer';
  return 'answer';
}

/**
 * The whole life of a new session, decided at start. Every wait is divided by `timeScale`, so
 * a test can run a scheduled call in milliseconds; `startAt` is the requested start time.
 */
export function planSteps(now: number, startAt: number, outcome: FarEndOutcome, timings: OracleTimings, timeScale: number): SessionStep[] {
  const scaled = (ms: number): number => ms / timeScale;
  const initiatedAt = now + scaled(Math.max(0, startAt - now));
  const steps: SessionStep[] = initiatedAt > now ? [{ state: 'scheduled', at: now }] : [];
  steps.push({ state: 'initiated', at: initiatedAt });
  if (outcome === 'answer') {
    const connectedAt = initiatedAt + scaled(timings.answerAfterMs);
    steps.push({ state: 'connected', at: connectedAt }, { state: 'disconnected', at: connectedAt + scaled(timings.callDurationMs) });
  } else {
    const after = outcome === 'busy' ? timings.busyAfterMs : timings.noAnswerAfterMs;
    steps.push({ state: 'disconnected', at: initiatedAt + scaled(after) });
  }
  return steps;
}

export function stepAt(session: OracleSession, now: number): SessionStep | undefined {
  let current: SessionStep | undefined;
  for (const step of session.steps) if (step.at <= now) current = step;
  return current;
}

const hasReached = (session: OracleSession, state: OracleCallState, now: number): boolean =>
  session.steps.some((step) => step.state === state && step.at <= now);

/** Drops everything planned after `now`; the session then only moves when told to. */
function takeOver(session: OracleSession, now: number): void {
  session.steps = session.steps.filter((step) => step.at <= now);
}

export type SessionAction = 'connect' | 'disconnect' | 'fail';

/** Forces a far-end event now. False when the session is already over (or, for `fail`, already connected). */
export function applyAction(session: OracleSession, action: SessionAction, now: number): boolean {
  if (stepAt(session, now)?.state === 'disconnected') return false;
  if (action === 'fail' && hasReached(session, 'connected', now)) return false;
  takeOver(session, now);
  if (action !== 'disconnect' && !hasReached(session, 'initiated', now)) session.steps.push({ state: 'initiated', at: now });
  session.steps.push({ state: action === 'connect' ? 'connected' : 'disconnected', at: now });
  return true;
}

/** DELETE: ends a live or scheduled session now. False when it is already over. */
export function endSession(session: OracleSession, now: number): boolean {
  if (stepAt(session, now)?.state === 'disconnected') return false;
  takeOver(session, now);
  session.steps.push({ state: 'disconnected', at: now });
  return true;
}

/** The documentation's example sessions, frozen in their documented states. */
export function seedSessions(): OracleSession[] {
  const seeded = (sessionId: string, steps: SessionStep[], scheduledFor?: number): OracleSession => ({
    sessionId,
    request: undefined,
    agentPhone: undefined,
    agentExtension: undefined,
    outcome: 'answer',
    scheduledFor,
    steps,
    lastReported: undefined,
  });
  return [
    seeded('1TfU02Xfme2GMuzfUh0rkdgvz4', [
      { state: 'initiated', at: 1_343_129_570_000 },
      { state: 'connected', at: 1_343_129_590_000 },
    ]),
    seeded('NND4QvEgFlltU0ObJtGbgGRfO4X', [{ state: 'scheduled', at: Date.UTC(2013, 6, 25, 4, 35, 50) }], Date.UTC(2013, 6, 29, 16, 30, 0)),
  ];
}
