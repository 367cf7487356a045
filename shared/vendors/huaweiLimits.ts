/**
 * Huawei CC-Gateway field limits and result codes, as documented (vendors/huawei.md §5–§6,
 * vendor-docs/huawei-ccgateway-callout.txt). The adapter validates with these before sending
 * and the emulator enforces the same table.
 */

export const HUAWEI_AGENT_ID_RANGE = { min: 101, max: 59999 } as const;

/** `called` of callout: "a 1- to 24-digit number or * or #". */
export const HUAWEI_CALLED_PATTERN = /^[0-9*#]{1,24}$/;
/** `caller` of callout: empty, or at most 24 digits. */
export const HUAWEI_CALLER_PATTERN = /^[0-9]{0,24}$/;
/** `phonenum` of sign-in: the phone bound to the agent, at most 24 digits. */
export const HUAWEI_PHONE_NUMBER_PATTERN = /^[0-9]{1,24}$/;
/** `number` of seconddialex: 1 to 24 of 0-9, * and #. */
export const HUAWEI_DTMF_MAX_LENGTH = 24;
/** "The maximum value is 16 KB", counted as UTF-8 bytes. */
export const HUAWEI_CALL_APP_DATA_MAX_BYTES = 16384;
export const HUAWEI_MEDIA_ABILITIES = [0, 1, 2] as const;
export const HUAWEI_PASSWORD_MAX_LENGTH = 32;

/** The documentation's own wording for each field rule, quoted in validation errors. */
export const HUAWEI_FIELD_RULES = {
  agentid: 'Agent ID. The value ranges from 101 to 59999.',
  caller:
    'Calling number. The value can be empty. If the value is empty, the default calling number of the platform is used. The value contains a maximum of 24 digits.',
  called: 'Called number. It cannot be left empty and must be a 1- to 24-digit number or * or #.',
  skillid: 'Skill ID. It is in numeral format and can be empty.',
  callappdata: 'Call-associated data. It can be left empty. The maximum value is 16 KB.',
  mediaability: 'Media capability. The default value is 0. The options are as follows: 0: audio; 1: video; 2: negotiated between the host and the terminal.',
  dtmf: 'The digits must be 1 to 24 characters of 0-9, * or #.',
} as const;

export const isHuaweiAgentId = (value: string): boolean =>
  /^[1-9][0-9]{2,4}$/.test(value) && Number(value) >= HUAWEI_AGENT_ID_RANGE.min && Number(value) <= HUAWEI_AGENT_ID_RANGE.max;

export const utf8ByteLength = (value: string): number => new TextEncoder().encode(value).length;

/** `retcode` values that mean the session is gone: not signed in, or the GUID is invalid/expired. */
export const HUAWEI_SESSION_LOST_RETCODES: readonly string[] = ['100-006', '000-003'];

/** retcode → documented meaning (error-code page, and the sample client's ResultCode table from 100-014 on). */
export const HUAWEI_RETCODE_TEXT: Readonly<Record<string, string>> = {
  '0': 'Success.',
  '000-001': 'Wrong way of obtaining agent events (polling or push).',
  '000-002': 'A parameter or the URL address is invalid.',
  '000-003': 'No permission to invoke the interface (the GUID is invalid or expired).',
  '000-004': 'The agent is being switched over.',
  '000-005': 'The inspected agent is the inspector.',
  '000-006': 'Message parameter error.',
  '000-007': 'The interface was invoked repeatedly.',
  '100-001': 'A sign-in parameter is empty or invalid.',
  '100-002': 'The agent has already signed in.',
  '100-003': 'CTI resources are unavailable for sign-in.',
  '100-004': 'The user name or password is wrong.',
  '100-005': 'A sign-out parameter is invalid.',
  '100-006': 'The agent has not signed in.',
  '100-007': 'An exception occurred during the agent operation.',
  '100-008': 'The agent has already signed out.',
  '100-009': 'Error setting the agent state.',
  '100-010': 'The agent state does not allow signing out.',
  '100-011': 'Invalid parameter at sign-in.',
  '100-012': 'Wrong agent type.',
  '100-013': 'The phone number is invalid when binding.',
  '100-014': 'The phone number is not in the configured range.',
  '100-015': 'The agent has signed in and forced sign-in is not allowed.',
  '100-016': 'Invalid IP address at sign-in.',
  '200-001': 'The outbound (called) number is wrong.',
  '200-002': 'Answer failed: there is no call.',
  '200-013': 'Hold failed: there is no call.',
  '200-014': 'Hold failed: the call state does not allow it.',
  '200-015': 'Unhold failed: there is no held call.',
  '200-016': 'Unhold failed: the call state does not allow it.',
  '200-017': 'Release failed: there is no call.',
  '999-001': 'Server configuration error.',
};

export const huaweiRetcodeText = (retcode: string): string =>
  (Object.hasOwn(HUAWEI_RETCODE_TEXT, retcode) ? HUAWEI_RETCODE_TEXT[retcode] : undefined) ?? 'Undocumented result code.';
