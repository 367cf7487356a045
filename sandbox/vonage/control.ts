import type { FarEndOutcome } from '../emulator';
import type { CallResult, ResultParty } from './farEnd';
import type { ForcedRoute, RecordingStatus, VccWorld } from './vccWorld';

export interface VonageCallSnapshot {
  id: string;
  accountKey: string;
  status: 'Active' | null;
  recordingStatus: RecordingStatus | null;
  result: CallResult | null;
  dispositionCode: string | null;
  /** The agents the call holds busy until it ends (caller first). */
  engagedAgents: string[];
}

export interface ForceSpec {
  /** 429 for the fair-usage limit, 400 with `message`, 5xx, 401… */
  status: number;
  message?: string;
  /** Which Calls API request gets it; any of them (the next one) by default. */
  on?: ForcedRoute;
  /** How many requests get it; 1 by default. */
  times?: number;
}

/** Test and scenario control of the emulated VCC account; the same operations are under `/__sandbox/*`. */
export interface VonageControl {
  /** Marks an agent busy (on a call elsewhere) or logged out. */
  setAgent(agentId: string, state: { busy?: boolean; loggedIn?: boolean }): void;
  /** `ccxmlEnabled: false` makes every call request fail with "Ccxml must be enabled for this account". */
  setAccount(accountKey: string, settings: { ccxmlEnabled?: boolean }): void;
  /** Answers the next matching Calls API request(s) with this status instead of processing them. */
  force(spec: ForceSpec): void;
  /** Expires every issued bearer token now; returns how many were still valid. */
  expireTokens(): number;
  /** Scripts the far end of a telephone number (either `0…` or `+44…` form) or destination agent id. */
  scriptFarEnd(destination: string, outcome: FarEndOutcome, afterMs?: number): void;
  /** Ends an active call now with this result (and wrap-up disposition code). */
  finishCall(callId: string, result: CallResult, dispositionCode?: string | null): void;
  /** A party hangs up an active call now: it ends normally. */
  hangUp(callId: string, party?: ResultParty): void;
  calls(): VonageCallSnapshot[];
  reset(): void;
}

export class VonageControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VonageControlError';
  }
}

export function createVonageControl(world: VccWorld): VonageControl {
  const finishActive = (callId: string, result: CallResult, dispositionCode: string | null): void => {
    if (!world.findCall(callId)) throw new VonageControlError(`No call ${callId}`);
    if (!world.finish(callId, result, dispositionCode)) throw new VonageControlError(`Call ${callId} has already finished`);
  };
  return {
    setAgent(agentId, state) {
      const agent = world.agents.get(agentId);
      if (!agent) throw new VonageControlError(`No agent ${agentId}`);
      if (state.busy !== undefined) agent.busy = state.busy;
      if (state.loggedIn !== undefined) agent.loggedIn = state.loggedIn;
    },
    setAccount(accountKey, settings) {
      const account = world.accounts.get(accountKey);
      if (!account) throw new VonageControlError(`No account ${accountKey}`);
      if (settings.ccxmlEnabled !== undefined) account.ccxmlEnabled = settings.ccxmlEnabled;
    },
    force(spec) {
      world.force({ status: spec.status, ...(spec.message !== undefined ? { message: spec.message } : {}), on: spec.on ?? 'any', times: spec.times ?? 1 });
    },
    expireTokens: () => world.tokens.expireAll(),
    scriptFarEnd(destination, outcome, afterMs) {
      world.script(destination, { outcome, ...(afterMs !== undefined ? { afterMs } : {}) });
    },
    finishCall(callId, result, dispositionCode = null) {
      finishActive(callId, result, dispositionCode);
    },
    hangUp(callId, party = 'Destination') {
      finishActive(callId, { code: 'Success', party, reason: 'Normal' }, null);
    },
    calls: () =>
      world.allCalls().map((call) => ({
        id: call.id,
        accountKey: call.accountKey,
        status: call.status,
        recordingStatus: call.recordingStatus,
        result: call.result,
        dispositionCode: call.dispositionCode,
        engagedAgents: [...call.engagedAgents],
      })),
    reset: () => world.reset(),
  };
}
