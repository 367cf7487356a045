import { z } from 'zod';
import type { Leg } from './call';
import type { HuaweiGateway } from './gateway';
import { nowMs } from '../framework/emulatorServer';
import { HuaweiSettingsPatchSchema, withOverrides, type HuaweiSettingsPatch } from './options';
import type { AgentSession } from './session';

/** Test control, not part of the vendor API. */
export type ControlResult =
  | { ok: true; applied: 'current-call' | 'next-call' | 'session'; callId?: string }
  | { ok: false; status: 404 | 409; error: string };

export const EventInjectionSchema = z.union([
  /** Delivered as the envelope's `event` value, whatever it is. */
  z.object({ event: z.unknown() }).strict(),
  /** Delivered as the whole JSON body instead of the envelope. */
  z.object({ body: z.unknown() }).strict(),
  /** Delivered verbatim (malformed JSON included). */
  z.object({ raw: z.string() }).strict(),
]);
export type EventInjection = z.infer<typeof EventInjectionSchema>;

export const BurstSpecSchema = z
  .object({
    /** Default: every agent with a talking call. */
    agentIds: z.array(z.string()).optional(),
    /** Each pair is AgentEvent_Hold then AgentEvent_Talking, so every call ends as it started: talking. */
    holdRetrievePairs: z.number().int().min(1).max(100_000),
    /** Pause between events; 0 queues them all at once. */
    intervalMs: z.number().int().min(0).max(60_000).default(0),
    /** Afterwards the customers hang up, so every call ends released. */
    thenCustomerHangup: z.boolean().default(false),
  })
  .strict();
export type BurstSpec = z.input<typeof BurstSpecSchema>;

export interface BurstResult {
  agentIds: string[];
  /** Hold/Talking events the burst will emit (release events not counted). */
  events: number;
}

export interface AgentSnapshot {
  agentId: string;
  signedIn: boolean;
  agentState?: number;
  isWorking?: boolean;
  phonenum?: string;
  queuedEvents?: number;
  validGuids?: number;
  armed?: string;
  muted?: boolean;
  signedInSkills?: number[];
  calls?: { callId: string; role: Leg['role']; phase: Leg['phase']; caller: string; called: string; feature: string }[];
  dtmf?: { callId: string; digits: string; at: number }[];
}

export interface HuaweiControl {
  /** Whatever rings for this agent answers: the far end now, an internal call arriving, or (no call) the next call's far end. */
  answer(agentId: string): ControlResult;
  /** The far end is busy: now if it rings, else when reached, else on the next call. */
  busy(agentId: string): ControlResult;
  /** The agent's own phone is not answered: now if it rings, else on the next call. */
  agentNoAnswer(agentId: string): ControlResult;
  /** The customer (or the other agent) of the talking or held call hangs up. */
  customerHangup(agentId: string): ControlResult;
  /** Every GUID of the agent stops being accepted (000-003) while the agent stays signed in. */
  expireGuid(agentId: string): ControlResult;
  /** The next poll response carries a new GUID, whatever the interval (AUTHMODE 2). */
  rotateGuid(agentId: string): ControlResult;
  /** As if the heartbeat had expired: AgentOther_ShutdownService, then 100-006. */
  forceSignOut(agentId: string): ControlResult;
  /** Queues a poll response of the tester's making, possibly malformed. */
  injectEvent(agentId: string, injection: EventInjection): ControlResult;
  burst(spec: BurstSpec): BurstResult;
  agent(agentId: string): AgentSnapshot | undefined;
  configure(patch: HuaweiSettingsPatch): void;
  reset(): void;
}

export function createControl(gateway: HuaweiGateway, resetAll: () => void): HuaweiControl {
  const engine = gateway.calls;
  const burstTimers = new Set<NodeJS.Timeout>();

  const withSession = (agentId: string, act: (session: AgentSession) => ControlResult): ControlResult => {
    if (!gateway.options.agents.some((agent) => agent.id === agentId)) return { ok: false, status: 404, error: `Unknown agent ${agentId}.` };
    const session = gateway.findSession(agentId);
    if (!session) return { ok: false, status: 409, error: `Agent ${agentId} has not signed in.` };
    return act(session);
  };
  const current = (leg: Leg): ControlResult => ({ ok: true, applied: 'current-call', callId: leg.call.id });
  const conflict = (error: string): ControlResult => ({ ok: false, status: 409, error });

  return {
    answer: (agentId) =>
      withSession(agentId, (session) => {
        const leg = session.activeLeg;
        if (!leg) {
          session.armed = 'answer';
          return { ok: true, applied: 'next-call' };
        }
        if (leg.role === 'recipient' && leg.phase === 'phone-alerting') engine.answerRinging(leg);
        else if (leg.phase === 'phone-alerting' || (leg.phase === 'dialing' && !leg.call.farEndAlerting)) engine.scriptFarEnd(leg.call, 'answer');
        else if (leg.phase === 'dialing') engine.farEndAnswersNow(leg.call);
        else return conflict('The call is already connected.');
        return current(leg);
      }),

    busy: (agentId) =>
      withSession(agentId, (session) => {
        const leg = session.activeLeg;
        if (!leg) {
          session.armed = 'busy';
          return { ok: true, applied: 'next-call' };
        }
        if (leg.role === 'recipient' && leg.phase === 'phone-alerting') engine.release(leg);
        else if (leg.phase === 'phone-alerting' || (leg.phase === 'dialing' && !leg.call.farEndAlerting)) engine.scriptFarEnd(leg.call, 'busy');
        else if (leg.phase === 'dialing') engine.farEndBusyNow(leg.call);
        else return conflict('The call is already connected.');
        return current(leg);
      }),

    agentNoAnswer: (agentId) =>
      withSession(agentId, (session) => {
        const leg = session.activeLeg;
        if (!leg) {
          session.armed = 'agent-noanswer';
          return { ok: true, applied: 'next-call' };
        }
        if (leg.role !== 'originator' || leg.phase !== 'phone-alerting') return conflict("The agent's phone is not ringing.");
        engine.agentPhoneNotAnswered(leg.call);
        return current(leg);
      }),

    customerHangup: (agentId) =>
      withSession(agentId, (session) => {
        const leg = session.legs.find((candidate) => candidate.phase === 'talking') ?? session.heldLegs[0];
        if (!leg) return conflict('The agent has no connected call.');
        engine.farEndHangsUp(leg);
        return current(leg);
      }),

    expireGuid: (agentId) =>
      withSession(agentId, (session) => {
        gateway.revokeGuids(session);
        return { ok: true, applied: 'session' };
      }),

    rotateGuid: (agentId) =>
      withSession(agentId, (session) => {
        session.rotationRequested = true;
        return { ok: true, applied: 'session' };
      }),

    forceSignOut: (agentId) =>
      withSession(agentId, (session) => {
        gateway.signOut(session);
        return { ok: true, applied: 'session' };
      }),

    injectEvent: (agentId, injection) =>
      withSession(agentId, (session) => {
        if ('raw' in injection) session.queue.push({ kind: 'injected-raw', text: injection.raw });
        else if ('body' in injection) session.queue.push({ kind: 'injected-body', body: injection.body });
        else session.queue.push({ kind: 'injected-event', event: injection.event });
        return { ok: true, applied: 'session' };
      }),

    burst: (input) => {
      const spec = BurstSpecSchema.parse(input);
      const legs = (spec.agentIds ?? gateway.options.agents.map((agent) => agent.id))
        .map((agentId) => gateway.findSession(agentId)?.legs.find((leg) => leg.phase === 'talking'))
        .filter((leg): leg is Leg => leg !== undefined);
      for (const leg of legs) runBurst(leg, spec.holdRetrievePairs, spec.intervalMs, spec.thenCustomerHangup);
      return { agentIds: legs.map((leg) => leg.session.workNo), events: legs.length * spec.holdRetrievePairs * 2 };
    },

    agent: (agentId) => {
      if (!gateway.options.agents.some((agent) => agent.id === agentId)) return undefined;
      const session = gateway.findSession(agentId);
      return session ? snapshot(gateway, session) : { agentId, signedIn: false };
    },

    configure: (patch) => {
      const parsed = HuaweiSettingsPatchSchema.parse(patch);
      gateway.options = withOverrides(gateway.options, parsed);
    },

    reset: () => {
      for (const timer of burstTimers) clearTimeout(timer);
      burstTimers.clear();
      resetAll();
    },
  };

  function runBurst(leg: Leg, pairs: number, intervalMs: number, thenHangup: boolean): void {
    const steps: (() => void)[] = [];
    for (let pair = 0; pair < pairs; pair += 1) steps.push(() => engine.hold(leg), () => engine.retrieve(leg));
    if (thenHangup) steps.push(() => engine.farEndHangsUp(leg));
    const alive = () => !leg.call.ended && leg.session.active;
    if (intervalMs === 0) {
      for (const step of steps) if (alive()) step();
      return;
    }
    const next = (index: number) => {
      const step = steps[index];
      if (!step || !alive()) return;
      step();
      const timer = setTimeout(() => {
        burstTimers.delete(timer);
        next(index + 1);
      }, intervalMs);
      burstTimers.add(timer);
    };
    next(0);
  }
}

function snapshot(gateway: HuaweiGateway, session: AgentSession): AgentSnapshot {
  return {
    agentId: session.workNo,
    signedIn: true,
    agentState: session.agentState,
    isWorking: session.isWorking,
    phonenum: session.phonenum,
    queuedEvents: session.queue.length,
    validGuids: gateway.validGuidCount(session, nowMs()),
    armed: session.armed,
    muted: session.muted,
    signedInSkills: [...session.signedInSkills],
    calls: session.legs.map((leg) => ({
      callId: leg.call.id,
      role: leg.role,
      phase: leg.phase,
      caller: leg.call.caller,
      called: leg.call.called,
      feature: leg.call.feature,
    })),
    dtmf: session.dtmf.map((record) => ({ ...record })),
  };
}
