/**
 * The client side of Vonage Contact Center's "Making a call" rules
 * (vendor-docs/vonage-vcc-calls-api.txt): the documented limits and the 400 messages, word
 * for word. The softphone checks these before sending, so it speaks the vendor's wording
 * whether a mistake is caught locally or by VCC. The sandbox emulator answers with the same
 * texts (DESIGN §4) but applies its own rules, written separately from the adapter's.
 */
export const VONAGE_LIMITS = {
  telephoneNumberMaxChars: 30,
  agentIdMaxDigits: 11,
  referenceMaxChars: 2000,
  applicationMaxChars: 32,
} as const;

/** Every documented 400 `message`, verbatim (numbered as in vendors/vonage.md §5). */
export const VONAGE_400_MESSAGES = {
  ccxmlDisabled: 'Ccxml must be enabled for this account',
  callingAgentBusy: 'Unable to place call - Agent number busy',
  destinationAgentUnavailable: 'Unable to place call - dialed Agent is not currently available',
  destinationAgentUnknown: 'Unable to place call - invalid Agent Id.',
  callingAgentUnknown: 'Unable to place call - Agent Id is unknown',
  numberInvalid: 'Unable to place call - number is invalid',
  callFailed: 'Unable to place call to Agent. Please try again',
  telephoneNumberTooLong: 'Telephone number exceeds 30 characters',
  agentIdTooLong: 'Agent Id exceeds 11 digits',
  agentIdNotDigits: 'Agent Id must contain digits only',
  telephoneNumberNotSupported: 'Telephone number not supported in this context',
  agentIdRequired: 'Agent Id must be specified',
  destinationRequired: 'Either telephone number or agent id required',
  destinationAmbiguous: 'Either telephone number or agent id required, not both',
  referenceTooLong: 'Reference exceeded 2000 characters',
  referenceInvalid: 'Reference contained invalid characters',
  applicationTooLong: 'Application exceeded 32 characters',
  applicationNotAlphanumeric: 'Application contains non-alphanumeric characters',
} as const;
export type Vonage400Key = keyof typeof VONAGE_400_MESSAGES;

export interface VonageMessageExplanation {
  /** The documentation's meaning of the message, as a sentence for the agent. */
  meaning: string;
  hint: string;
}

/** What each 400 means (the documentation's own gloss where it gives one) and what to do. */
export const VONAGE_400_EXPLANATIONS: Readonly<Record<Vonage400Key, VonageMessageExplanation>> = {
  ccxmlDisabled: {
    meaning: 'CCXML is not enabled for this Vonage account.',
    hint: 'Ask your VCC administrator to enable CCXML for the account; no call was placed.',
  },
  callingAgentBusy: {
    meaning: 'The calling agent is busy.',
    hint: 'Finish or wait for the agent’s current call, then call again; no call was placed.',
  },
  destinationAgentUnavailable: {
    meaning: 'The destination agent is busy or not available.',
    hint: 'Try again when the agent is available; no call was placed.',
  },
  destinationAgentUnknown: {
    meaning: 'The destination agent is unknown.',
    hint: 'Check the agent’s display ID in VCC; no call was placed.',
  },
  callingAgentUnknown: {
    meaning: 'The calling agent is unknown.',
    hint: 'Check the calling agent’s display ID in the profile or the From agent field; no call was placed.',
  },
  numberInvalid: {
    meaning: 'The dialled number is invalid.',
    hint: 'Check the number and the format your VCC account dials (national digits or E.164).',
  },
  callFailed: {
    meaning: 'The call failed.',
    hint: 'The softphone did not retry. Check the agent’s phone is not already ringing before calling again.',
  },
  telephoneNumberTooLong: {
    meaning: 'The telephone number is longer than 30 characters.',
    hint: 'Check the number: VCC accepts at most 30 characters.',
  },
  agentIdTooLong: {
    meaning: 'An agent ID is longer than 11 digits.',
    hint: 'Use the agent’s display ID (up to 11 digits).',
  },
  agentIdNotDigits: {
    meaning: 'An agent ID contains something other than digits.',
    hint: 'Use the agent’s numeric display ID.',
  },
  telephoneNumberNotSupported: {
    meaning: 'A telephone number cannot be used here.',
    hint: 'Calls are placed from an agent or groups, not from a telephone number.',
  },
  agentIdRequired: {
    meaning: 'No calling agent or groups were given.',
    hint: 'Set the profile’s agent ID, or choose a From agent or From groups.',
  },
  destinationRequired: {
    meaning: 'No destination was given.',
    hint: 'Enter a telephone number or choose an agent to call.',
  },
  destinationAmbiguous: {
    meaning: 'Both a telephone number and an agent were given as the destination.',
    hint: 'Call either a telephone number or an agent.',
  },
  referenceTooLong: {
    meaning: 'The reference is longer than 2000 characters.',
    hint: 'Shorten the reference.',
  },
  referenceInvalid: {
    meaning: 'The reference is neither alphanumeric nor a valid URL.',
    hint: 'Use letters and digits only, or a full http(s) URL.',
  },
  applicationTooLong: {
    meaning: 'The application name is longer than 32 characters.',
    hint: 'Shorten the application name.',
  },
  applicationNotAlphanumeric: {
    meaning: 'The application name contains characters other than letters and digits.',
    hint: 'Use letters and digits only (no spaces or hyphens).',
  },
};

export function vonage400Key(message: string): Vonage400Key | undefined {
  return (Object.keys(VONAGE_400_MESSAGES) as Vonage400Key[]).find((key) => VONAGE_400_MESSAGES[key] === message);
}

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const AGENT_ID = /^[0-9]+$/;

export const isAlphanumeric = (value: string): boolean => ALPHANUMERIC.test(value);
export const isAgentIdDigits = (value: string): boolean => AGENT_ID.test(value);

/** "an alphanumeric string or a valid URL" — an absolute http(s) URL counts as valid. */
export function isValidReference(value: string): boolean {
  if (isAlphanumeric(value)) return true;
  if (!URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
}
