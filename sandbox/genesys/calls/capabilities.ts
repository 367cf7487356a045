export const CALL_STATES = ['Dialing', 'Ringing', 'Established', 'Held', 'Released'] as const;
export type GwsCallState = (typeof CALL_STATES)[number];

export const CALL_OPERATIONS = [
  'Answer',
  'Hangup',
  'Hold',
  'Retrieve',
  'SendDtmf',
  'ClearCall',
  'UpdateUserData',
  'AttachUserData',
  'DeleteUserData',
  'DeleteUserDataPair',
  'InitiateTransfer',
  'InitiateConference',
  'SingleStepTransfer',
  'SingleStepConference',
] as const;
export type CallOperation = (typeof CALL_OPERATIONS)[number];

export const isCallOperation = (name: string): name is CallOperation => (CALL_OPERATIONS as readonly string[]).includes(name);

/**
 * `capabilities` per call state, as documented (vendors/genesys.md §4). The Dialing order is
 * the one of the Dial page's samples, so a Dialing event matches them verbatim.
 */
export const CAPABILITIES: Readonly<Record<GwsCallState, readonly CallOperation[]>> = {
  Dialing: ['DeleteUserDataPair', 'AttachUserData', 'Hangup', 'DeleteUserData', 'SendDtmf', 'UpdateUserData'],
  Ringing: ['Answer', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair', 'AttachUserData', 'ClearCall'],
  Established: [
    'Hangup',
    'Hold',
    'SendDtmf',
    'InitiateTransfer',
    'InitiateConference',
    'SingleStepTransfer',
    'SingleStepConference',
    'ClearCall',
    'AttachUserData',
    'UpdateUserData',
    'DeleteUserData',
    'DeleteUserDataPair',
  ],
  Held: [
    'Retrieve',
    'Hangup',
    'InitiateTransfer',
    'InitiateConference',
    'SingleStepTransfer',
    'SingleStepConference',
    'AttachUserData',
    'UpdateUserData',
    'DeleteUserData',
    'DeleteUserDataPair',
  ],
  Released: [],
};

export const canPerform = (state: GwsCallState, operation: CallOperation): boolean => CAPABILITIES[state].includes(operation);

/**
 * Operations GWS lists but the sandbox does not model: they need a second (consultation)
 * call or a third party. They are answered with statusCode 4 and a clear message.
 */
export const UNMODELLED_OPERATIONS: ReadonlySet<CallOperation> = new Set<CallOperation>([
  'InitiateTransfer',
  'InitiateConference',
  'SingleStepTransfer',
  'SingleStepConference',
]);

/** Which state an operation leads to; `undefined` = the state does not change. */
export const NEXT_STATE: Readonly<Partial<Record<CallOperation, GwsCallState>>> = {
  Answer: 'Established',
  Hangup: 'Released',
  ClearCall: 'Released',
  Hold: 'Held',
  Retrieve: 'Established',
};
