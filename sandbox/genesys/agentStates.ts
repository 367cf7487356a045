/** The agent-state operations of `POST /api/v2/me/channels/voice`. */
export const AGENT_STATE_OPERATIONS = ['Ready', 'NotReady', 'AfterCallWork', 'AuxWork'] as const;
export type AgentStateOperation = (typeof AGENT_STATE_OPERATIONS)[number];

export const isAgentStateOperation = (name: string): name is AgentStateOperation =>
  (AGENT_STATE_OPERATIONS as readonly string[]).includes(name);

/** A device's `userState`. Work modes ride on NotReady, as in GWS's Query Agent State page. */
export interface UserState {
  id?: string;
  displayName: string;
  state: string;
  workMode?: string;
}

/** Ids are the documented agent-state ids (vendors/genesys.md §7). */
export const AGENT_STATES: Readonly<Record<AgentStateOperation, UserState>> = {
  Ready: { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
  NotReady: { id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6', displayName: 'Not Ready', state: 'NotReady' },
  AfterCallWork: { id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF', displayName: 'After Call Work', state: 'NotReady', workMode: 'AfterCallWork' },
  AuxWork: { id: '2B36138D-C564-4562-A8CB-3C32D564F296', displayName: 'Aux Work', state: 'NotReady', workMode: 'AuxWork' },
};

export const LOGGED_OUT: UserState = { displayName: 'Logged Out', state: 'LoggedOut' };
export const LOGGED_IN: UserState = { displayName: 'Logged In', state: 'LoggedIn' };

/** The state StartContactCenterSession leaves the agent in, after `LoggedIn`. */
export const INITIAL_AGENT_STATE: AgentStateOperation = 'NotReady';

/** `GET /api/v2/settings/agent-states` entries. */
export const agentStateSettings = (): Array<UserState & { operationName: AgentStateOperation }> =>
  AGENT_STATE_OPERATIONS.map((operationName) => ({ ...AGENT_STATES[operationName], operationName }));
