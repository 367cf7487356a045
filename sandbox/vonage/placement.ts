import { planForDestination, type CallPlan, type FarEndScript } from './farEnd';
import { VCC_MESSAGES } from './messages';
import type { VonageEmulatorOptions } from './options';
import type { CallRequest } from './requestRules';

export interface AgentState {
  id: string;
  loggedIn: boolean;
  /** On a call (the emulator marks both ends of a call busy until it ends). */
  busy: boolean;
}

export interface AccountState {
  key: string;
  apiTokens: Set<string>;
  ccxmlEnabled: boolean;
}

/** What the account knows when a request arrives. */
export interface PlacementContext {
  account: AccountState;
  agents: ReadonlyMap<string, AgentState>;
  groups: ReadonlyMap<string, readonly string[]>;
  callbackNumbers: ReadonlySet<string>;
  scripts: ReadonlyMap<string, FarEndScript>;
  durations: Pick<VonageEmulatorOptions, 'answeredCallMs' | 'noAnswerMs' | 'busyMs'>;
}

export type Placement =
  | { ok: true; engagedAgents: string[]; plan: Extract<CallPlan, { kind: 'finish' }> }
  | { ok: false; message: string };

const refuse = (message: string): Placement => ({ ok: false, message });
const available = (agent: AgentState | undefined): boolean => agent !== undefined && agent.loggedIn && !agent.busy;

/** Steps 6–8 of the validation order in vendors/vonage.md §7: the checks that need the account's state. */
export function placeCall(request: CallRequest, context: PlacementContext): Placement {
  if (!context.account.ccxmlEnabled) return refuse(VCC_MESSAGES.ccxmlDisabled);

  const { from, to } = request;
  let caller: string;
  if ('agentId' in from) {
    const agent = context.agents.get(from.agentId);
    if (!agent) return refuse(VCC_MESSAGES.callingAgentUnknown);
    if (!available(agent)) return refuse(VCC_MESSAGES.callingAgentBusy);
    caller = agent.id;
  } else {
    if (from.groups.some((group) => !context.groups.has(group))) return refuse(VCC_MESSAGES.callFailed);
    const member = from.groups
      .flatMap((group) => context.groups.get(group) ?? [])
      .find((agentId) => available(context.agents.get(agentId)));
    if (member === undefined) return refuse(VCC_MESSAGES.callFailed);
    caller = member;
  }

  const engagedAgents = [caller];
  if ('agentId' in to) {
    const agent = context.agents.get(to.agentId);
    if (!agent) return refuse(VCC_MESSAGES.destinationAgentUnknown);
    if (!available(agent) || agent.id === caller) return refuse(VCC_MESSAGES.destinationAgentUnavailable);
    engagedAgents.push(agent.id);
  }

  if (from.presentedCLID !== undefined && !context.callbackNumbers.has(from.presentedCLID)) {
    return refuse(VCC_MESSAGES.callFailed);
  }

  const plan = planForDestination(to, context.scripts, context.durations);
  if (plan.kind === 'reject-invalid-number') return refuse(VCC_MESSAGES.numberInvalid);
  return { ok: true, engagedAgents, plan };
}
