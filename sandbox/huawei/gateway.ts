import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { nowMs } from '../framework/emulatorServer';
import { CallEngine } from './callEngine';
import { agentEvents, type HuaweiEvent } from './events';
import type { HuaweiEmulatorOptions } from './options';
import { RETCODE } from './retcodes';
import { FIRST_CALL_ID } from './seed';
import { AgentSession } from './session';
import { carriesCookie, newStickyValue } from './stickiness';
import { parseSignInBody, reject, type Parsed, type Rejection } from './validation';

export type EmitListener = (agentId: string, eventType: string, callId: string | undefined, atMs: number) => void;

interface GuidRecord {
  session: AgentSession;
  issuedAt: number;
  revoked: boolean;
}

/** A request's GUID checked: the session, or the retcode (with the session when it has ended). */
export type AuthResult = { ok: true; session: AgentSession } | (Rejection & { endedSession?: AgentSession });

/**
 * The gateway's agent bookkeeping: sign-in sessions, GUIDs (AUTHMODE 1/2), the heartbeat,
 * call ids, event emission and the "interface invoked repeatedly" guard.
 */
export class HuaweiGateway {
  options: HuaweiEmulatorOptions;
  readonly calls: CallEngine;
  private sessions = new Map<string, AgentSession>();
  private guids = new Map<string, GuidRecord>();
  private heartbeats = new Map<AgentSession, NodeJS.Timeout>();
  private inFlight = new Set<string>();
  private readonly listeners = new Set<EmitListener>();
  private callCounter: number = FIRST_CALL_ID.counter;
  private clockStartedAt = nowMs();

  constructor(private readonly initialOptions: HuaweiEmulatorOptions) {
    this.options = { ...initialOptions };
    this.calls = new CallEngine({
      options: () => this.options,
      emit: (session, event) => this.emit(session, event),
      nextCallId: () => this.nextCallId(),
      findSession: (agentId) => this.sessions.get(agentId),
    });
  }

  findSession(agentId: string): AgentSession | undefined {
    return this.sessions.get(agentId);
  }

  signIn(agentId: string, rawBody: string, force: boolean): Parsed<{ session: AgentSession; guid: string }> {
    const request = parseSignInBody(rawBody);
    if (!request.ok) return request;
    const agent = this.options.agents.find((candidate) => candidate.id === agentId);
    if (!agent || agent.password !== request.value.password) return reject(RETCODE.wrongPassword);
    const existing = this.sessions.get(agentId);
    if (existing && !force) return reject(RETCODE.alreadySignedIn);
    if (existing) this.signOut(existing);

    const now = nowMs();
    const sticky = this.options.loadBalancerCookie ? newStickyValue() : undefined;
    const session = new AgentSession(agent, request.value, now, sticky);
    session.signedInSkills = [...agent.skillIds];
    this.sessions.set(agentId, session);
    const guid = this.issueGuid(session, now);
    this.armHeartbeat(session, this.options.maxTimeMs);
    this.emit(session, agentEvents.inService());
    return { ok: true, value: { session, guid } };
  }

  /** Sign-out, forced sign-out (heartbeat, tester) and the loser of a forced sign-in. */
  signOut(session: AgentSession): void {
    if (!session.active) return;
    this.calls.abandon(session);
    this.emit(session, agentEvents.shutdownService(session.loginTime));
    session.active = false;
    if (this.sessions.get(session.workNo) === session) this.sessions.delete(session.workNo);
    clearTimeout(this.heartbeats.get(session));
    this.heartbeats.delete(session);
  }

  authenticate(agentId: string, headers: IncomingHttpHeaders, now: number): AuthResult {
    const guid = headerValue(headers, 'guid');
    if (!guid) return reject(RETCODE.noPermission);
    const record = this.guids.get(guid);
    if (!record || record.revoked || record.session.workNo !== agentId) return reject(RETCODE.noPermission);
    const session = record.session;
    const cookie = this.options.loadBalancerCookie;
    // Without the stickiness cookie the balancer may route to a node that never saw this GUID.
    if (cookie && cookie.enforce && session.loadBalancerCookie !== undefined) {
      if (!carriesCookie(headerValue(headers, 'cookie'), cookie.name, session.loadBalancerCookie)) return reject(RETCODE.noPermission);
    }
    if (!session.active) return { ...reject(RETCODE.notSignedIn), endedSession: session };
    if (this.options.authMode === 2 && now - record.issuedAt > this.options.guidTimeoutMs) return reject(RETCODE.noPermission);
    return { ok: true, session };
  }

  /** Any authenticated request of the agent counts for the heartbeat. */
  touch(session: AgentSession, now: number): void {
    session.lastRequestAt = now;
  }

  /** AUTHMODE 2: a new GUID for the poll response once the current one is `guidIntervalMs` old. */
  rotateIfDue(session: AgentSession, now: number): string | undefined {
    if (!session.active || this.options.authMode !== 2) return undefined;
    const current = this.guids.get(session.currentGuid);
    const due = session.rotationRequested || !current || now - current.issuedAt >= this.options.guidIntervalMs;
    if (!due) return undefined;
    session.rotationRequested = false;
    return this.issueGuid(session, now);
  }

  /** `updateGuid`: AUTHMODE 1 keeps its static GUID; AUTHMODE 2 issues a new one (the old one keeps its grace). */
  updateGuid(session: AgentSession, now: number): string {
    if (this.options.authMode === 1) return session.currentGuid;
    return this.issueGuid(session, now);
  }

  /** Every GUID of the agent stops being accepted (tester's "expire-guid"). */
  revokeGuids(session: AgentSession): void {
    for (const record of this.guids.values()) if (record.session === session) record.revoked = true;
  }

  /** How many of the agent's GUIDs still authenticate (for snapshots). */
  validGuidCount(session: AgentSession, now: number): number {
    let count = 0;
    for (const record of this.guids.values()) {
      if (record.session !== session || record.revoked) continue;
      if (this.options.authMode === 2 && now - record.issuedAt > this.options.guidTimeoutMs) continue;
      count += 1;
    }
    return count;
  }

  emit(session: AgentSession, event: HuaweiEvent): void {
    const emittedAt = nowMs();
    session.queue.push({ kind: 'event', event, workNo: session.workNo, emittedAt });
    for (const listener of this.listeners) listener(session.workNo, event.eventType, event.callId, emittedAt);
  }

  onEmit(listener: EmitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks `operation` of `agentId` in progress; false when it already is (→ 000-007). */
  beginOperation(agentId: string, operation: string): boolean {
    const key = `${agentId} ${operation}`;
    if (this.inFlight.has(key)) return false;
    this.inFlight.add(key);
    return true;
  }

  endOperation(agentId: string, operation: string): void {
    this.inFlight.delete(`${agentId} ${operation}`);
  }

  /** Back to the seeded state: no sessions, no calls, the first call id again, the construction options. */
  reset(): void {
    this.stopEverything();
    this.options = { ...this.initialOptions };
    this.sessions = new Map();
    this.guids = new Map();
    this.inFlight = new Set();
    this.callCounter = FIRST_CALL_ID.counter;
    this.clockStartedAt = nowMs();
  }

  close(): void {
    this.stopEverything();
  }

  private stopEverything(): void {
    this.calls.cancelAll();
    for (const timer of this.heartbeats.values()) clearTimeout(timer);
    this.heartbeats = new Map();
    for (const session of this.sessions.values()) {
      session.active = false;
      session.queue.wake();
    }
  }

  private issueGuid(session: AgentSession, now: number): string {
    const guid = `${randomUUID()}.AgentGateway0`;
    this.guids.set(guid, { session, issuedAt: now, revoked: false });
    session.currentGuid = guid;
    return guid;
  }

  private armHeartbeat(session: AgentSession, delayMs: number): void {
    const timer = setTimeout(() => {
      if (!session.active) return;
      const idle = nowMs() - session.lastRequestAt;
      const maxTime = this.options.maxTimeMs;
      if (idle >= maxTime) this.signOut(session);
      else this.armHeartbeat(session, maxTime - idle);
    }, delayMs);
    this.heartbeats.set(session, timer);
  }

  /** `<epoch-seconds>-<counter>`, on a clock that starts at the documentation's example. */
  private nextCallId(): string {
    const seconds = FIRST_CALL_ID.epochSeconds + Math.floor((nowMs() - this.clockStartedAt) / 1000);
    const id = `${seconds}-${this.callCounter}`;
    this.callCounter += 1;
    return id;
  }
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
