import type { ErrorCode } from '../errors';

/**
 * What the softphone checks before an Oracle start-call request (vendors/oracle.md §6).
 * Documented: E.164 user phone, integer seconds of delay, the userExtension characters, an
 * RFC 2822 `when` in the future, two-letter language, at most 10 optional data fields, the
 * JavaScript API's 900 s delay cap. Design decisions: 8–15 digits without '+', the length
 * bounds of free text.
 */
export const ORACLE_LIMITS = {
  userPhoneDigits: /^[1-9][0-9]{7,14}$/,
  /** "numeric digits (0-9), period (.), comma (,), asterisk (*) and hash (#)". */
  userExtension: /^[0-9.,*#]+$/,
  maxDelaySeconds: 900,
  language: /^[A-Za-z]{2}$/,
  maxVisitorDataFields: 10,
  /** An account label such as `CustRef`, or the internal name `var1`…`var10`. */
  visitorDataName: /^[A-Za-z][A-Za-z0-9_]{0,31}$/,
  reservedVisitorNames: ['visitorId', 'referrerUrl', 'language'] as readonly string[],
  maxVisitorTextLength: 255,
  maxReferrerUrlLength: 2048,
  maxAuthorizeUrlLength: 2048,
} as const;

/** Plain-text bodies the documentation quotes. */
export const ORACLE_DOCUMENTED_TEXT = {
  alreadyEnded: 'The call has already ended.',
  endFailed: 'Attempt to end the call failed.',
  startFailed: 'Call could not be started',
} as const;

export interface OracleErrorText {
  code: ErrorCode;
  message: string;
  hint: string;
}

const BASE_URL_HINT = "Check that the profile's base URL is the Oracle Click-to-Call API (e.g. https://api.atgsvcs.com).";

/** Start-call statuses (Appendix A and the start-call error table); 5xx is not here: its outcome is unknown. */
export function describeOracleStartError(status: number, dialledNumber: string, callAgentFirst = false): OracleErrorText {
  switch (status) {
    case 400:
      return {
        code: 'VENDOR_REJECTED',
        message: "Oracle rejected the call's details (delay, post-dial digits, start time or visitor context).",
        hint: "Oracle's message says which value it refused; correct it and place the call again.",
      };
    case 403:
      return callAgentFirst
        ? {
            code: 'FORBIDDEN',
            message: "Oracle refused the call: the account does not permit calling the agent first (reverse call flow), or the call template's pre-call authorization checks did not pass.",
            hint: 'Call the customer first, or ask your Webcare administrator to turn on reverse call flow for the account.',
          }
        : {
            code: 'FORBIDDEN',
            message: "Oracle refused the call: the call template's pre-call authorization checks did not pass.",
            hint: "Ask your Webcare administrator about the template's authorization checks, and check the profile's authorizeUrl.",
          };
    case 404:
      return {
        code: 'NOT_FOUND',
        message: `The call to ${dialledNumber} could not be started: Oracle does not know the call template, does not accept the number, or the start attempt failed.`,
        hint: "Check the number, then the profile's contactId (call template).",
      };
    case 405:
      return { code: 'VENDOR_REJECTED', message: 'Oracle does not accept a POST at this address.', hint: BASE_URL_HINT };
    default:
      return { code: 'VENDOR_REJECTED', message: `Oracle refused the call (HTTP ${status}).`, hint: BASE_URL_HINT };
  }
}

/** End-call statuses; 403 "already ended" is not an error and never reaches this table. */
export function describeOracleEndError(status: number): OracleErrorText {
  switch (status) {
    case 404:
      return {
        code: 'NOT_FOUND',
        message: 'Oracle no longer knows this call, so it could not end it.',
        hint: 'The session may have expired. If a phone is still ringing or connected, hang up there.',
      };
    case 405:
      return { code: 'VENDOR_REJECTED', message: 'Oracle does not accept a DELETE at this address.', hint: BASE_URL_HINT };
    default:
      return {
        code: 'VENDOR_REJECTED',
        message: `Oracle did not end the call (HTTP ${status}).`,
        hint: 'Try again; ending a call is safe to repeat.',
      };
  }
}

/** Status statuses: a 404 means Oracle does not know the session (any more). */
export function describeOracleStatusError(status: number): OracleErrorText {
  if (status === 404) {
    return {
      code: 'NOT_FOUND',
      message: 'Oracle no longer reports this call: it does not know the session.',
      hint: 'The call may still be going on; check the phones. The softphone stopped following it.',
    };
  }
  return {
    code: 'VENDOR_REJECTED',
    message: `Oracle refused the status request (HTTP ${status}).`,
    hint: BASE_URL_HINT,
  };
}
