/**
 * The gateway's `retcode` values (vendors/huawei.md §5) and the message the emulator sends
 * with each. All of them travel in an HTTP 200 envelope.
 */
export const RETCODE = {
  success: '0',
  wrongEventMode: '000-001',
  invalidParameter: '000-002',
  noPermission: '000-003',
  repeatedInvocation: '000-007',
  signInParameterInvalid: '100-001',
  alreadySignedIn: '100-002',
  wrongPassword: '100-004',
  notSignedIn: '100-006',
  operationFailed: '100-007',
  signOutStateError: '100-010',
  signInParameterError: '100-011',
  wrongAgentType: '100-012',
  phoneNumberInvalid: '100-013',
  wrongCalledNumber: '200-001',
  answerNoCall: '200-002',
  holdNoCall: '200-013',
  holdBadState: '200-014',
  unholdNoHeldCall: '200-015',
  unholdBadState: '200-016',
  releaseNoCall: '200-017',
} as const;
export type Retcode = (typeof RETCODE)[keyof typeof RETCODE];

export const RETCODE_MESSAGES: Record<Retcode, string> = {
  '0': '',
  '000-001': 'The way of obtaining agent events is wrong.',
  '000-002': 'The parameter or URL address is invalid.',
  '000-003': 'No permission to invoke the interface.',
  '000-007': 'The interface is invoked repeatedly.',
  '100-001': 'The sign-in parameter is empty or invalid.',
  '100-002': 'The agent has already signed in.',
  '100-004': 'The user name or password is wrong.',
  '100-006': 'The agent has not signed in.',
  '100-007': 'An exception occurred during the agent operation.',
  '100-010': 'A state error occurred during sign-out.',
  '100-011': 'A sign-in parameter is invalid.',
  '100-012': 'The agent type is wrong.',
  '100-013': 'The phone number is invalid.',
  '200-001': 'The outbound call number is wrong.',
  '200-002': 'There is no call to answer.',
  '200-013': 'There is no call to hold.',
  '200-014': 'The call state does not allow holding.',
  '200-015': 'There is no held call.',
  '200-016': 'The call state does not allow unholding.',
  '200-017': 'There is no call to release.',
};
