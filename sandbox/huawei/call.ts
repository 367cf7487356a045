import type { Feature, TalkingContent } from './events';
import type { ArmedOutcome, FarEndPlan } from './farEndScript';
import type { AgentSession } from './session';
import type { MediaAbility } from './validation';

/**
 * Where one agent stands in a call:
 * - `phone-alerting`: the agent's own phone rings (first leg of a callout, or an internal call arriving);
 * - `dialing`: the agent is off-hook and the far end is being reached;
 * - `talking` / `held`.
 */
export type LegPhase = 'phone-alerting' | 'dialing' | 'talking' | 'held';

export interface Leg {
  readonly call: Call;
  readonly session: AgentSession;
  readonly role: 'originator' | 'recipient';
  phase: LegPhase;
  /** AgentState_Busy was sent: the agent is occupied and returns to idle/wrap-up afterwards. */
  occupied: boolean;
  /** The agent's phone rang for this leg (it was on-hook when the call came). */
  rang: boolean;
}

/** Who is at the other end: a scripted customer, or another signed-in agent. */
export type FarEnd = { kind: 'customer'; plan: FarEndPlan } | { kind: 'agent'; agentId: string };

export interface CallInit {
  id: string;
  /** Presented calling number (outbound) or calling agent (internal). */
  caller: string;
  /** Customer number (outbound) or called agent (internal). */
  called: string;
  skillId: number;
  mediaAbility: MediaAbility;
  callAppData: string;
  feature: Feature;
  farEnd: FarEnd;
  /** What a tester armed for this call (overrides the script). */
  armed: ArmedOutcome | undefined;
}

export class Call {
  readonly id: string;
  readonly caller: string;
  readonly called: string;
  readonly skillId: number;
  readonly mediaAbility: MediaAbility;
  readonly callAppData: string;
  readonly feature: Feature;
  readonly originator: Leg;
  farEnd: FarEnd;
  armed: ArmedOutcome | undefined;
  recipient: Leg | undefined;
  /** The far end was reached (AgentEvent_Customer_Alerting sent). */
  farEndAlerting = false;
  ended = false;
  readonly timers = new Set<NodeJS.Timeout>();

  constructor(init: CallInit, originator: AgentSession) {
    this.id = init.id;
    this.caller = init.caller;
    this.called = init.called;
    this.skillId = init.skillId;
    this.mediaAbility = init.mediaAbility;
    this.callAppData = init.callAppData;
    this.feature = init.feature;
    this.farEnd = init.farEnd;
    this.armed = init.armed;
    this.originator = { call: this, session: originator, role: 'originator', phase: 'phone-alerting', occupied: false, rang: false };
  }

  get isInternal(): boolean {
    return this.farEnd.kind === 'agent';
  }

  /** The other agent's leg of an internal call. */
  otherLeg(leg: Leg): Leg | undefined {
    if (!this.isInternal) return undefined;
    return leg.role === 'originator' ? this.recipient : this.originator;
  }

  /** The number the agent on `leg` sees as the other party. */
  otherPartyNumber(leg: Leg): string {
    if (!this.isInternal) return this.called;
    return leg.role === 'originator' ? (this.recipient?.session.phonenum ?? this.called) : this.originator.session.phonenum;
  }

  get talkingContent(): TalkingContent {
    return { caller: this.caller, called: this.called, callid: this.id, feature: this.feature, mediaAbility: this.mediaAbility };
  }
}
