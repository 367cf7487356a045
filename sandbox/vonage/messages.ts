import { VONAGE_400_MESSAGES } from '../../shared/vendors/vonageLimits';

/**
 * VCC's answers (vendors/vonage.md §5 and §7). The documented 400 texts come from the one
 * table in shared/ (DESIGN §4: the emulators and the validation use the same vendor wording);
 * the rules that pick them are the emulator's own, written separately from the adapter's.
 */
export const VCC_MESSAGES = {
  ...VONAGE_400_MESSAGES,
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
