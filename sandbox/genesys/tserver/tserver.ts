import type { FarEndOutcome } from '../../emulator';
import { nowMs, type EmulatorResponse } from '../../framework/emulatorServer';
import { AGENT_STATES, INITIAL_AGENT_STATE, LOGGED_IN, LOGGED_OUT, isAgentStateOperation, type UserState } from '../agentStates';
import { CallIdGenerator } from '../calls/callIds';
import { toCallResource, type CallRecord } from '../calls/callRecord';
import { NEXT_STATE, UNMODELLED_OPERATIONS, canPerform, isCallOperation, type GwsCallState } from '../calls/capabilities';
import { INVALID_DESTINATION_ERROR, callTypeFor, farEndOutcomeFor } from '../calls/farEndScript';
import { attachUserData, deleteUserDataPair, updateUserData, type UserData } from '../calls/userData';
import { StatusCode, failure, invalidParameter, notFound, notRegistered, ok } from '../gwsReplies';
import { CallCommandSchema, DialBodySchema, OperationBodySchema, parseBody, type CallCommand } from '../http/requestBodies';
import type { GenesysEmulatorOptions, GenesysUser } from '../options';
import {
  callStateChangeMessage,
  deviceStateChangeMessage,
  toDeviceResource,
  type CallErrorDetail,
  type CallNotificationType,
} from '../resources';
import { PublishQueue, pickDelay } from './publishQueue';
import { PublishedEvents } from './publishedEvents';

export const CALLS_CHANNEL = '/v2/me/calls';
export const DEVICES_CHANNEL = '/v2/me/devices';

/** Settings the control API may change while the emulator runs. */
export type RuntimeSettings = Pick<GenesysEmulatorOptions, 'publishDelayMs' | 'answerDelayMs' | 'noAnswerTimeoutMs' | 'farEnd'>;

/** Where events go: the Bayeux servers of the user's HTTP sessions. */
export interface EventSink {
  publish(userName: string, channel: string, data: unknown): number;
}

export type FarEndAction = 'answer' | 'busy' | 'noanswer' | 'remote-hangup';

/** A control request that cannot apply (unknown call, wrong state); `status` is its HTTP status. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

interface AgentRecord {
  user: GenesysUser;
  registered: boolean;
  userState: UserState;
}

/** Released calls kept for the control API before the oldest are forgotten. */
const RELEASED_CALLS_KEPT = 10_000;

const INTERACTION_SERVER_DOWN = 'Interaction server connection is not opened';

/**
 * The telephony behind GWS, as T-Server would run it: agent registration and states, the
 * call state machine with its capabilities, the scripted far end, and the CometD events
 * every change produces (published in order, after the HTTP reply).
 */
export class TServer {
  readonly published = new PublishedEvents();
  private readonly agents = new Map<string, AgentRecord>();
  private readonly calls = new Map<string, CallRecord>();
  private readonly farEndTimers = new Map<string, NodeJS.Timeout>();
  private readonly ids = new CallIdGenerator();
  private readonly queue = new PublishQueue();

  constructor(
    private readonly users: readonly GenesysUser[],
    private readonly settings: RuntimeSettings,
    private readonly sink: EventSink,
    private readonly baseUrl: () => string,
  ) {
    this.resetAgents();
  }

  userState(user: GenesysUser): UserState {
    return this.agent(user).userState;
  }

  deviceResource(user: GenesysUser): Record<string, unknown> {
    return toDeviceResource(user, this.agent(user).userState, this.baseUrl());
  }

  /** StartContactCenterSession: voice registers the DN; other channels have no server here. */
  startContactCenterSession(user: GenesysUser, channels: readonly string[]): EmulatorResponse {
    if (!channels.includes('voice')) return failure(500, StatusCode.internalError, INTERACTION_SERVER_DOWN);
    const agent = this.agent(user);
    if (!agent.registered) {
      agent.registered = true;
      this.changeAgentState(agent, LOGGED_IN);
      this.changeAgentState(agent, AGENT_STATES[INITIAL_AGENT_STATE]);
    }
    const failed = channels
      .filter((channel) => channel !== 'voice')
      .map((channel) => ({ statusCode: StatusCode.internalError, statusMessage: INTERACTION_SERVER_DOWN, channel }));
    if (failed.length === 0) return ok();
    return { status: 200, body: { statusCode: StatusCode.partialSuccess, failed, succeeded: [{ statusCode: StatusCode.ok, channel: 'voice' }] } };
  }

  endContactCenterSession(user: GenesysUser): EmulatorResponse {
    const agent = this.agent(user);
    agent.registered = false;
    this.changeAgentState(agent, LOGGED_OUT);
    return ok();
  }

  setAgentState(user: GenesysUser, body: unknown): EmulatorResponse {
    const parsed = parseBody(OperationBodySchema, body);
    if (!parsed.ok) return parsed.response;
    const { operationName } = parsed.value;
    if (!isAgentStateOperation(operationName)) return invalidParameter('operationName');
    const agent = this.agent(user);
    if (!agent.registered) return notRegistered(user.phoneNumber);
    this.changeAgentState(agent, AGENT_STATES[operationName]);
    return ok();
  }

  /** Calls GWS still lists for the user: Released is terminal and drops out. */
  liveCalls(user: GenesysUser): CallRecord[] {
    return [...this.calls.values()].filter((call) => call.owner.userName === user.userName && call.state !== 'Released');
  }

  liveCall(user: GenesysUser, callId: string): CallRecord | undefined {
    const call = this.calls.get(callId);
    return call && call.owner.userName === user.userName && call.state !== 'Released' ? call : undefined;
  }

  callResource(call: CallRecord): Record<string, unknown> {
    return toCallResource(call, this.baseUrl(), Date.now());
  }

  /** Dial: reply `{"statusCode":0}` (no call id), then `Dialing` after the publish delay. */
  dial(user: GenesysUser, deviceId: string, body: unknown): EmulatorResponse {
    if (deviceId !== user.deviceId) return notFound(`Device '${deviceId}'`);
    const parsed = parseBody(DialBodySchema, body);
    if (!parsed.ok) return parsed.response;
    if (!this.agent(user).registered) return notRegistered(user.phoneNumber);
    const { phoneNumber } = parsed.value.destination;
    const call = this.createCall(user, 'outbound', phoneNumber, 'Dialing', parsed.value.userData ?? {});
    call.outcome = farEndOutcomeFor(phoneNumber);
    this.emit(call, 'StatusChange', this.replyDelay(), () => this.scheduleFarEnd(call));
    return ok();
  }

  /**
   * An operation on a call, checked as GWS does: the call must exist, the operation must be
   * in the call's current capabilities, its parameters valid, and the DN registered.
   */
  operate(user: GenesysUser, callId: string, body: unknown): EmulatorResponse {
    const call = this.liveCall(user, callId);
    if (!call) return notFound(`Call '${callId}'`);
    const named = parseBody(OperationBodySchema, body);
    if (!named.ok) return named.response;
    const { operationName } = named.value;
    if (!isCallOperation(operationName) || !canPerform(call.state, operationName)) {
      return failure(400, StatusCode.invalidForState, `Operation '${operationName}' is not valid for a call in state '${call.state}'`);
    }
    const command = parseBody(CallCommandSchema, body);
    if (!command.ok) return command.response;
    if (!this.agent(user).registered) return notRegistered(user.phoneNumber);
    if (UNMODELLED_OPERATIONS.has(operationName)) {
      return failure(500, StatusCode.internalError, `Operation '${operationName}' is not supported by the sandbox`);
    }
    this.apply(call, command.value);
    return ok();
  }

  farEnd(callId: string, action: FarEndAction): CallRecord {
    const call = this.controlledCall(callId);
    if (action === 'remote-hangup') {
      this.transition(call, 'Released', 0);
      return call;
    }
    if (call.state !== 'Dialing') throw new ControlError(409, `Call '${callId}' is ${call.state}; the far end can ${action} only a Dialing call`);
    this.transition(call, action === 'answer' ? 'Established' : 'Released', 0);
    return call;
  }

  /** An inbound call ringing on the user's device. */
  inbound(from: string, userName?: string): CallRecord {
    const user = this.userNamed(userName);
    if (!user) throw new ControlError(404, `No user '${userName ?? ''}'`);
    const call = this.createCall(user, 'inbound', from, 'Ringing', {});
    this.emit(call, 'StatusChange', 0);
    return call;
  }

  /** An asynchronous error on a call (state unchanged), as T-Server's EventError. */
  fail(callId: string, error: CallErrorDetail): CallRecord {
    const call = this.controlledCall(callId);
    this.emit(call, 'Error', 0, undefined, error);
    return call;
  }

  /**
   * An outbound call driven only by `publishState` and `advance` (event bursts): no far-end
   * script, and nothing published until the script says so.
   */
  createScriptedCall(user: GenesysUser, phoneNumber: string): CallRecord {
    return this.createCall(user, 'outbound', phoneNumber, 'Dialing', {});
  }

  publishState(call: CallRecord, afterPublish?: () => void): void {
    this.emit(call, 'StatusChange', 0, afterPublish);
  }

  /** Returns false (and publishes nothing) when the call was released meanwhile. */
  advance(call: CallRecord, state: GwsCallState, afterPublish?: () => void): boolean {
    if (call.state === 'Released') return false;
    this.transition(call, state, 0, afterPublish);
    return true;
  }

  /** The named user, or the first configured one when no name is given. */
  userNamed(userName: string | undefined): GenesysUser | undefined {
    return userName === undefined ? this.users[0] : this.users.find((user) => user.userName === userName);
  }

  allCalls(): CallRecord[] {
    return [...this.calls.values()];
  }

  reset(): void {
    this.stop();
    this.calls.clear();
    this.ids.reset();
    this.published.clear();
    this.resetAgents();
  }

  /** Cancels every pending far-end timer and unpublished event. */
  stop(): void {
    for (const timer of this.farEndTimers.values()) clearTimeout(timer);
    this.farEndTimers.clear();
    this.queue.clear();
  }

  private resetAgents(): void {
    this.agents.clear();
    for (const user of this.users) this.agents.set(user.userName, { user, registered: false, userState: LOGGED_OUT });
  }

  private agent(user: GenesysUser): AgentRecord {
    const agent = this.agents.get(user.userName);
    if (!agent) throw new Error(`No agent record for ${user.userName}`);
    return agent;
  }

  private controlledCall(callId: string): CallRecord {
    const call = this.calls.get(callId);
    if (!call || call.state === 'Released') throw new ControlError(404, `No live call '${callId}'`);
    return call;
  }

  private replyDelay(): number {
    return pickDelay(this.settings.publishDelayMs);
  }

  private createCall(user: GenesysUser, direction: CallRecord['direction'], remoteNumber: string, state: GwsCallState, userData: UserData): CallRecord {
    this.forgetOldReleasedCalls();
    const call: CallRecord = {
      ...this.ids.next(),
      owner: user,
      direction,
      remoteNumber,
      callType: callTypeFor(remoteNumber, direction),
      state,
      userData: structuredClone(userData),
      createdAt: Date.now(),
      dtmf: [],
      states: [state],
    };
    this.calls.set(call.id, call);
    return call;
  }

  private forgetOldReleasedCalls(): void {
    if (this.calls.size < RELEASED_CALLS_KEPT) return;
    for (const [id, call] of this.calls) {
      if (this.calls.size < RELEASED_CALLS_KEPT) break;
      if (call.state === 'Released') this.calls.delete(id);
    }
  }

  private apply(call: CallRecord, command: CallCommand): void {
    const delay = this.replyDelay();
    switch (command.operationName) {
      case 'SendDtmf':
        call.dtmf.push(command.digits);
        this.emit(call, 'DtmfSent', delay);
        return;
      case 'UpdateUserData':
        call.userData = updateUserData(call.userData, command.userData);
        this.emit(call, 'AttachedDataChanged', delay);
        return;
      case 'AttachUserData':
        call.userData = attachUserData(call.userData, command.userData);
        this.emit(call, 'AttachedDataChanged', delay);
        return;
      case 'DeleteUserData':
        call.userData = {};
        this.emit(call, 'AttachedDataChanged', delay);
        return;
      case 'DeleteUserDataPair':
        call.userData = deleteUserDataPair(call.userData, command.key);
        this.emit(call, 'AttachedDataChanged', delay);
        return;
      default: {
        const next = NEXT_STATE[command.operationName];
        if (next) this.transition(call, next, delay);
      }
    }
  }

  private transition(call: CallRecord, state: GwsCallState, delayMs: number, afterPublish?: () => void): void {
    call.state = state;
    call.states.push(state);
    this.cancelFarEnd(call.id);
    this.emit(call, 'StatusChange', delayMs, afterPublish);
  }

  /** Started once `Dialing` is out, so the far end never answers a call the agent has not seen. */
  private scheduleFarEnd(call: CallRecord): void {
    if (call.state !== 'Dialing' || this.settings.farEnd === 'manual' || !call.outcome) return;
    const plans: Record<FarEndOutcome, { afterMs: number; act: () => void }> = {
      answer: { afterMs: this.settings.answerDelayMs, act: () => this.transition(call, 'Established', 0) },
      busy: { afterMs: this.settings.answerDelayMs, act: () => this.transition(call, 'Released', 0) },
      'no-answer': { afterMs: this.settings.noAnswerTimeoutMs, act: () => this.transition(call, 'Released', 0) },
      invalid: {
        afterMs: 0,
        act: () => {
          this.emit(call, 'Error', 0, undefined, INVALID_DESTINATION_ERROR);
          this.transition(call, 'Released', 0);
        },
      },
    };
    const plan = plans[call.outcome];
    const timer = setTimeout(() => {
      this.farEndTimers.delete(call.id);
      if (call.state === 'Dialing') plan.act();
    }, plan.afterMs);
    this.farEndTimers.set(call.id, timer);
  }

  private cancelFarEnd(callId: string): void {
    const timer = this.farEndTimers.get(callId);
    if (timer) clearTimeout(timer);
    this.farEndTimers.delete(callId);
  }

  /** Snapshots the call now and publishes that snapshot after `delayMs`, in queue order. */
  private emit(call: CallRecord, notificationType: CallNotificationType, delayMs: number, afterPublish?: () => void, error?: CallErrorDetail): void {
    const message = callStateChangeMessage(call.owner, notificationType, this.callResource(call), error);
    const state = call.state;
    this.queue.enqueue(delayMs, () => {
      const at = nowMs();
      this.sink.publish(call.owner.userName, CALLS_CHANNEL, message);
      this.published.record({ callId: call.id, state, notificationType, at });
      afterPublish?.();
    });
  }

  private changeAgentState(agent: AgentRecord, userState: UserState): void {
    agent.userState = userState;
    const message = deviceStateChangeMessage(toDeviceResource(agent.user, userState, this.baseUrl()));
    this.queue.enqueue(this.replyDelay(), () => this.sink.publish(agent.user.userName, DEVICES_CHANNEL, message));
  }
}
