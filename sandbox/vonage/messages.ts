/**
 * The emulator's own copy of VCC's answers (vendors/vonage.md §5 and §7). Deliberately not
 * shared with the adapter: the adapter's tests only mean something if the two are written
 * separately from the documentation.
 */
export const VCC_MESSAGES = {
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
  /** Reused from the VCC Agents API for malformed bodies (design decision, §7). */
  requestInvalid: 'The request is invalid.',
  /** Reused from the VCC Agents API for 401 (design decision, §5). */
  unauthorized: 'Authorization has been denied for this request.',
  callNotFound: 'No call was found with the given identifier.',
  methodNotAllowed: 'The requested resource does not support this http method.',
  tooManyRequests: 'Too Many Requests',
  serverError: 'An error has occurred.',
} as const;

/** 415 text as documented: "The requested resource does not support content type 'multipart/form-data'." */
export const unsupportedContentType = (mediaType: string): string =>
  `The requested resource does not support content type '${mediaType}'.`;
