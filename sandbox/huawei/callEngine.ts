import { Call, type CallInit, type Leg } from './call';
import { FAILURE_CAUSES, FEATURE, PHONE_STATE, agentEvents, type FailureCause, type HuaweiEvent } from './events';
import { overridePlan, planCallout } from './farEndScript';
import type { HuaweiEmulatorOptions } from './options';
import type { AgentSession } from './session';
import { AGENT_STATE, type CallInnerRequest, type CalloutRequest } from './validation';

export interface CallEngineDeps {
  options(): HuaweiEmulatorOptions;
  emit(session: AgentSession, event: HuaweiEvent): void;
  nextCallId(): string;
  /** The signed-in session of an agent, for internal calls. */
  findSession(agentId: string): AgentSession | undefined;
}

/**
 * The platform's side of calls: rings the agent's phone, reaches the far end, and emits each
 * agent's events in the documented order (vendors/huawei.md §4 "Outbound call sequences").
 * Every timer belongs to a call and dies with it.
 */
export class CallEngine {
  private readonly live = new Set<Call>();

  constructor(private readonly deps: CallEngineDeps) {}

  callout(session: AgentSession, request: CalloutRequest): Call {
    const options = this.deps.options();
    const armed = takeArmed(session);
    const plan = planCallout(request, options, options, armed === 'agent-noanswer' ? undefined : armed);
    return this.start(session, {
      id: this.deps.nextCallId(),
      caller: request.caller ?? options.defaultCaller,
      called: request.called,
      skillId: request.skillId ?? defaultSkill(session),
      mediaAbility: request.mediaAbility,
      callAppData: request.callAppData,
      feature: FEATURE.outbound,
      farEnd: { kind: 'customer', plan },
      armed,
    });
  }

  callInner(session: AgentSession, request: CallInnerRequest): Call {
    return this.start(session, {
      id: this.deps.nextCallId(),
      caller: session.workNo,
      called: request.called,
      skillId: request.skillId ?? defaultSkill(session),
      mediaAbility: 0,
      callAppData: request.callAppData,
      feature: FEATURE.internal,
      farEnd: { kind: 'agent', agentId: request.called },
      armed: takeArmed(session),
    });
  }

  /** The agent on `leg` hangs up (DELETE release, dropcall), or refuses a ringing internal call. */
  release(leg: Leg): void {
    const call = leg.call;
    if (call.ended) return;
    if (leg.role === 'recipient' && leg.phase === 'phone-alerting') {
      this.stopRingingRecipient(call, PHONE_STATE.agentHungUp);
      this.failCall(call, FAILURE_CAUSES.busy);
      return;
    }
    this.endCall(call);
    this.emit(leg, agentEvents.callRelease(call.id));
    if (call.farEndAlerting) this.emit(leg, agentEvents.customerRelease(call.id, call.otherPartyNumber(leg)));
    this.finishLeg(leg, PHONE_STATE.agentHungUp);
    const other = call.otherLeg(leg);
    if (other) this.otherPartyLeft(other);
  }

  /** The far end of the agent's call hangs up: the customer, or the other agent of an internal call. */
  farEndHangsUp(leg: Leg): void {
    const call = leg.call;
    if (call.ended) return;
    const other = call.otherLeg(leg);
    if (other) {
      this.release(other);
      return;
    }
    this.endCall(call);
    this.otherPartyLeft(leg);
  }

  hold(leg: Leg): void {
    leg.phase = 'held';
    this.emit(leg, agentEvents.hold(leg.call.id));
  }

  retrieve(leg: Leg): void {
    leg.phase = 'talking';
    this.emit(leg, agentEvents.talking(leg.call.talkingContent));
  }

  /** The internal call ringing at this agent is answered (PUT answer). */
  answerRinging(leg: Leg): void {
    if (!leg.call.ended) this.connect(leg.call);
  }

  /** The far end, already ringing, answers now. */
  farEndAnswersNow(call: Call): void {
    if (!call.ended) this.connect(call);
  }

  /** The far end, already ringing, is busy. */
  farEndBusyNow(call: Call): void {
    if (call.ended) return;
    this.stopRingingRecipient(call, PHONE_STATE.agentHungUp);
    this.failCall(call, FAILURE_CAUSES.busy);
  }

  /** Scripts the far end of a call that has not reached it yet (the agent's phone still rings). */
  scriptFarEnd(call: Call, outcome: 'answer' | 'busy'): void {
    if (call.farEnd.kind === 'agent') call.armed = outcome;
    else call.farEnd = { kind: 'customer', plan: overridePlan(call.farEnd.plan, outcome) };
  }

  /** The agent's own phone, ringing for a callout, stops without being answered. */
  agentPhoneNotAnswered(call: Call): void {
    if (call.ended) return;
    this.endCall(call);
    this.emit(call.originator, agentEvents.connectFail(call.id));
    this.finishLeg(call.originator, PHONE_STATE.platformHungUp);
  }

  /** Ends every call of a session that is going away, without events for that session. */
  abandon(session: AgentSession): void {
    for (const leg of [...session.legs]) {
      session.legs = session.legs.filter((candidate) => candidate !== leg);
      const call = leg.call;
      if (call.ended) continue;
      this.endCall(call);
      const other = call.otherLeg(leg);
      if (other) this.otherPartyLeft(other);
    }
  }

  /** Stops every timer (reset, close). */
  cancelAll(): void {
    for (const call of this.live) clearTimers(call);
    this.live.clear();
  }

  private start(session: AgentSession, init: CallInit): Call {
    const call = new Call(init, session);
    session.legs.push(call.originator);
    session.lastCall = call;
    this.live.add(call);
    // Events start after the callout response has been written, as on the platform.
    this.schedule(call, 0, () => this.ringAgentPhone(call), { deferred: true });
    return call;
  }

  private ringAgentPhone(call: Call): void {
    const leg = call.originator;
    if (leg.session.phoneOffhook) {
      this.agentOffhook(call);
      return;
    }
    leg.rang = true;
    this.emit(leg, agentEvents.phoneAlerting(call.id));
    const options = this.deps.options();
    if (call.armed === 'agent-noanswer') this.schedule(call, options.noAnswerDelayMs, () => this.agentPhoneNotAnswered(call));
    else this.schedule(call, options.agentAnswerDelayMs, () => this.agentOffhook(call));
  }

  private agentOffhook(call: Call): void {
    const leg = call.originator;
    if (leg.rang) this.emit(leg, agentEvents.phoneOffhook(call.id));
    leg.session.phoneOffhook = true;
    leg.phase = 'dialing';
    leg.occupied = true;
    this.emit(leg, agentEvents.busy(call.id));
    if (call.farEnd.kind === 'agent') this.ringRecipient(call, call.farEnd.agentId);
    else this.reachCustomer(call);
  }

  private reachCustomer(call: Call): void {
    if (call.farEnd.kind !== 'customer') return;
    const plan = call.farEnd.plan;
    switch (plan.kind) {
      case 'caller-not-allowed':
        this.failCall(call, FAILURE_CAUSES.callerNotAllowed);
        return;
      case 'busy':
        this.failCall(call, FAILURE_CAUSES.busy);
        return;
      case 'no-answer':
        this.farEndAlerting(call, call.called, '');
        this.schedule(call, plan.afterMs, () => this.failCall(call, FAILURE_CAUSES.noAnswer));
        return;
      case 'answer':
        this.farEndAlerting(call, call.called, '');
        this.schedule(call, plan.afterMs, () => this.connect(call));
        return;
    }
  }

  private ringRecipient(call: Call, agentId: string): void {
    const target = this.deps.findSession(agentId);
    if (!target || target.activeLeg || call.armed === 'busy') {
      this.failCall(call, FAILURE_CAUSES.busy);
      return;
    }
    this.farEndAlerting(call, target.phonenum, target.workNo);
    const leg: Leg = { call, session: target, role: 'recipient', phase: 'phone-alerting', occupied: false, rang: !target.phoneOffhook };
    call.recipient = leg;
    target.legs.push(leg);
    target.lastCall = call;
    if (leg.rang) this.emit(leg, agentEvents.phoneAlerting(call.id));
    const options = this.deps.options();
    // The no-answer timer goes first: an immediate answer below clears it.
    this.schedule(call, options.noAnswerDelayMs, () => {
      this.stopRingingRecipient(call, PHONE_STATE.platformHungUp);
      this.failCall(call, FAILURE_CAUSES.noAnswer);
    });
    if (call.armed === 'answer') this.connect(call);
    else if (target.autoAnswer) this.schedule(call, options.agentAnswerDelayMs, () => this.connect(call));
  }

  private farEndAlerting(call: Call, otherPhone: string, otherWorkNo: string): void {
    call.farEndAlerting = true;
    this.emit(call.originator, agentEvents.customerAlerting(call.id, otherPhone, otherWorkNo));
  }

  private connect(call: Call): void {
    clearTimers(call);
    const recipient = call.recipient;
    if (recipient) {
      if (recipient.rang) this.emit(recipient, agentEvents.phoneOffhook(call.id));
      recipient.session.phoneOffhook = true;
      recipient.phase = 'talking';
      recipient.occupied = true;
      this.emit(recipient, agentEvents.busy(call.id));
      this.emit(recipient, agentEvents.talking(call.talkingContent));
    }
    call.originator.phase = 'talking';
    this.emit(call.originator, agentEvents.talking(call.talkingContent));
    const plan = call.farEnd.kind === 'customer' ? call.farEnd.plan : undefined;
    if (plan?.kind === 'answer' && plan.hangupAfterMs !== undefined) {
      this.schedule(call, plan.hangupAfterMs, () => this.farEndHangsUp(call.originator));
    }
  }

  private failCall(call: Call, cause: FailureCause): void {
    if (call.ended) return;
    this.endCall(call);
    const leg = call.originator;
    this.emit(leg, agentEvents.callOutFail(call.id));
    this.emit(leg, agentEvents.outboundDetect(call.id, cause.detect, cause.desc));
    this.emit(leg, agentEvents.connectFail(call.id));
    this.finishLeg(leg, PHONE_STATE.platformHungUp);
  }

  /** An internal call stops ringing at the called agent, who never picked up. */
  private stopRingingRecipient(call: Call, phoneState: number): void {
    const recipient = call.recipient;
    if (!recipient || recipient.phase !== 'phone-alerting') return;
    call.recipient = undefined;
    this.finishLeg(recipient, phoneState);
  }

  /** The other party left: the remaining agent's view of the release. */
  private otherPartyLeft(leg: Leg): void {
    const call = leg.call;
    if (leg.phase !== 'phone-alerting') {
      this.emit(leg, agentEvents.customerRelease(call.id, call.otherPartyNumber(leg)));
      this.emit(leg, agentEvents.callRelease(call.id));
    }
    this.finishLeg(leg, PHONE_STATE.platformHungUp);
  }

  /** Removes the leg; once no call is left the phone goes on-hook and the agent stops being occupied. */
  private finishLeg(leg: Leg, phoneState: number): void {
    const session = leg.session;
    session.legs = session.legs.filter((candidate) => candidate !== leg);
    if (!session.active || session.legs.length > 0) return;
    if (session.releasePhone && (leg.rang || session.phoneOffhook)) {
      this.emit(leg, agentEvents.phoneRelease(leg.call.id, phoneState));
      session.phoneOffhook = false;
    }
    if (leg.occupied) this.afterCall(session);
  }

  private afterCall(session: AgentSession): void {
    if (!session.autoEnterIdle) {
      session.baseState = AGENT_STATE.wrapUp;
      this.deps.emit(session, agentEvents.work());
    } else if (session.baseState === AGENT_STATE.busy) {
      this.deps.emit(session, agentEvents.notReady(session.notReadyReason));
    } else {
      session.baseState = AGENT_STATE.idle;
      this.deps.emit(session, agentEvents.ready());
    }
  }

  private endCall(call: Call): void {
    call.ended = true;
    clearTimers(call);
    this.live.delete(call);
  }

  private emit(leg: Leg, event: HuaweiEvent): void {
    if (leg.session.active) this.deps.emit(leg.session, event);
  }

  /** Runs `action` after `ms`; at 0 it runs at once unless `deferred` (then on the next turn). */
  private schedule(call: Call, ms: number, action: () => void, { deferred = false } = {}): void {
    if (ms <= 0 && !deferred) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      if (!call.ended) action();
    }, ms);
    call.timers.add(timer);
  }
}

function clearTimers(call: Call): void {
  for (const timer of call.timers) clearTimeout(timer);
  call.timers.clear();
}

function takeArmed(session: AgentSession) {
  const armed = session.armed;
  session.armed = undefined;
  return armed;
}

function defaultSkill(session: AgentSession): number {
  return session.signedInSkills[0] ?? session.agent.skillIds[0] ?? 0;
}
