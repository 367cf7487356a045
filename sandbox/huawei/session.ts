import type { Call, Leg } from './call';
import { EventQueue } from './eventQueue';
import type { ArmedOutcome } from './farEndScript';
import type { SeedAgent } from './seed';
import { AGENT_STATE, type SignInRequest, type SignInStatus } from './validation';

export interface DtmfRecord {
  callId: string;
  digits: string;
  at: number;
}

/** One sign-in of one agent: from sign-in until sign-out, forced sign-out or a forced sign-in elsewhere. */
export class AgentSession {
  readonly queue = new EventQueue();
  readonly loginTime: string;
  readonly phonenum: string;
  readonly autoAnswer: boolean;
  readonly autoEnterIdle: boolean;
  readonly releasePhone: boolean;
  readonly pushMode: boolean;
  active = true;
  /** The state outside calls: busy (3), idle (4) or wrap-up (5). */
  baseState: SignInStatus;
  notReadyReason = '0';
  phoneOffhook = false;
  legs: Leg[] = [];
  lastCall: Call | undefined;
  lastRequestAt: number;
  currentGuid = '';
  rotationRequested = false;
  signedInSkills: number[] = [];
  armed: ArmedOutcome | undefined;
  muted = false;
  readonly dtmf: DtmfRecord[] = [];
  readonly loadBalancerCookie: string | undefined;

  constructor(
    readonly agent: SeedAgent,
    request: SignInRequest,
    now: number,
    loadBalancerCookie: string | undefined,
  ) {
    this.loginTime = String(Math.floor(now));
    this.phonenum = request.phonenum ?? agent.phonenum;
    this.autoAnswer = request.autoAnswer;
    this.autoEnterIdle = request.autoEnterIdle;
    this.releasePhone = request.releasePhone;
    this.pushMode = request.pushMode;
    this.baseState = request.status;
    this.lastRequestAt = now;
    this.loadBalancerCookie = loadBalancerCookie;
  }

  get workNo(): string {
    return this.agent.id;
  }

  /** The call the agent is talking on or setting up; held calls excluded. */
  get activeLeg(): Leg | undefined {
    return this.legs.find((leg) => leg.phase !== 'held');
  }

  get heldLegs(): Leg[] {
    return this.legs.filter((leg) => leg.phase === 'held');
  }

  get agentState(): number {
    return this.legs.some((leg) => leg.occupied) ? AGENT_STATE.talking : this.baseState;
  }

  get isWorking(): boolean {
    return this.legs.length > 0;
  }
}
