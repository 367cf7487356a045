import { randomUUID } from 'node:crypto';
import { nationalForm, type CallResult, type FarEndScript } from './farEnd';
import type { VonageEmulatorOptions } from './options';
import { placeCall, type AccountState, type AgentState } from './placement';
import type { CallRequest } from './requestRules';
import { VCC_SEED } from './seed';
import { TokenStore } from './tokenStore';

export type RecordingStatus = 'Stopped' | 'Started' | 'Paused';

export interface VccCall {
  id: string;
  accountKey: string;
  request: CallRequest;
  /** `"Active"` while in progress, `null` once finished. */
  status: 'Active' | null;
  recordingStatus: RecordingStatus | null;
  result: CallResult | null;
  dispositionCode: string | null;
  engagedAgents: string[];
  endedAt?: number;
}

/** Which Calls API requests a forced answer applies to. */
export type ForcedRoute = 'create' | 'detail' | 'recording' | 'any';

export interface ForcedResponse {
  status: number;
  message?: string;
  on: ForcedRoute;
  times: number;
}

export type PlaceOutcome = { ok: true; call: VccCall } | { ok: false; message: string };

/**
 * Everything the emulated VCC account knows: accounts, agents, groups, callback numbers,
 * tokens, calls and their timers, far-end scripts and forced answers. `reset()` restores the seed.
 */
export class VccWorld {
  readonly tokens: TokenStore;
  readonly accounts = new Map<string, AccountState>();
  readonly agents = new Map<string, AgentState>();
  readonly groups = new Map<string, readonly string[]>();
  readonly callbackNumbers = new Set<string>();
  readonly scripts = new Map<string, FarEndScript>();
  private readonly calls = new Map<string, VccCall>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private forced: ForcedResponse[] = [];
  private callIds: string[] = [];

  constructor(
    readonly options: VonageEmulatorOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = new TokenStore(now);
    this.reset();
  }

  reset(): void {
    this.dispose();
    this.tokens.clear();
    this.accounts.clear();
    for (const account of VCC_SEED.accounts) {
      this.accounts.set(account.key, { key: account.key, apiTokens: new Set(account.apiTokens), ccxmlEnabled: account.ccxmlEnabled });
    }
    this.agents.clear();
    for (const id of VCC_SEED.agents) this.agents.set(id, { id, loggedIn: true, busy: false });
    this.groups.clear();
    for (const [group, members] of Object.entries(VCC_SEED.groups)) this.groups.set(group, members);
    this.callbackNumbers.clear();
    for (const number of VCC_SEED.callbackNumbers) this.callbackNumbers.add(number);
    this.scripts.clear();
    this.calls.clear();
    this.forced = [];
    this.callIds = [...VCC_SEED.callIds];
  }

  /** Stops every pending far-end timer (on close and reset). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  place(accountKey: string, request: CallRequest): PlaceOutcome {
    const account = this.accounts.get(accountKey);
    if (!account) throw new Error(`no account ${accountKey}`);
    const placement = placeCall(request, {
      account,
      agents: this.agents,
      groups: this.groups,
      callbackNumbers: this.callbackNumbers,
      scripts: this.scripts,
      durations: this.options,
    });
    if (!placement.ok) return placement;
    const call: VccCall = {
      id: this.callIds.shift() ?? randomUUID(),
      accountKey,
      request,
      status: 'Active',
      recordingStatus: 'Stopped',
      result: null,
      dispositionCode: null,
      engagedAgents: placement.engagedAgents,
    };
    for (const agentId of call.engagedAgents) this.setAgentBusy(agentId, true);
    this.calls.set(call.id, call);
    const timer = setTimeout(() => this.finish(call.id, placement.plan.result), placement.plan.afterMs);
    timer.unref();
    this.timers.set(call.id, timer);
    return { ok: true, call };
  }

  /** Ends an active call with a result; frees its agents. Returns false when it was already over. */
  finish(callId: string, result: CallResult, dispositionCode: string | null = null): boolean {
    const call = this.calls.get(callId);
    if (!call || call.status === null) return false;
    clearTimeout(this.timers.get(callId));
    this.timers.delete(callId);
    call.status = null;
    call.recordingStatus = null;
    call.result = result;
    call.dispositionCode = dispositionCode;
    call.endedAt = this.now();
    for (const agentId of call.engagedAgents) this.setAgentBusy(agentId, false);
    return true;
  }

  /** A call of this account whose detail is still readable ("during the call or for up to 24 hours after"). */
  readableCall(accountKey: string, callId: string): VccCall | undefined {
    const call = this.calls.get(callId.toLowerCase());
    if (!call || call.accountKey !== accountKey) return undefined;
    if (call.endedAt !== undefined && this.now() - call.endedAt > this.options.detailRetentionMs) return undefined;
    return call;
  }

  findCall(callId: string): VccCall | undefined {
    return this.calls.get(callId.toLowerCase());
  }

  allCalls(): VccCall[] {
    return [...this.calls.values()];
  }

  script(destination: string, script: FarEndScript): void {
    this.scripts.set(nationalForm(destination), script);
  }

  force(response: ForcedResponse): void {
    this.forced.push({ ...response });
  }

  /** The forced answer for this request, if any, consuming one of its uses. */
  takeForced(route: Exclude<ForcedRoute, 'any'>): ForcedResponse | undefined {
    const forced = this.forced.find((candidate) => candidate.on === 'any' || candidate.on === route);
    if (!forced) return undefined;
    forced.times -= 1;
    if (forced.times <= 0) this.forced = this.forced.filter((candidate) => candidate !== forced);
    return forced;
  }

  private setAgentBusy(agentId: string, busy: boolean): void {
    const agent = this.agents.get(agentId);
    if (agent) agent.busy = busy;
  }
}
