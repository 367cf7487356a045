import type { ErrorCode } from '../errors';

/**
 * What the softphone checks before it sends an IOVOX initiateCall (vendors/iovox.md §6).
 * Documented: digits-only international destination, ',' pauses and digit keypresses, integer
 * minutes of delay. Design decisions (the docs are silent): the destination length, rejecting
 * '*' and '#', the 0–1440 minute range and the variable-name/value bounds.
 */
export const IOVOX_LIMITS = {
  /** Country code first, no '+', as in the documented `449789123123`. */
  destinationDigits: /^[1-9][0-9]{6,14}$/,
  /**
   * The keypress suffix appended to call_destination. It must start with ',' because digits
   * typed straight after the number would become part of the number.
   */
  keypressSuffix: /^,[0-9,]*$/,
  maxDelayMinutes: 1440,
  /** Element names IOVOX matches against Call Flow variable names; a safe subset of XML names. */
  variableName: /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
  /** Set by the softphone from the number and the schedule, never by free-form variables. */
  reservedVariableNames: ['call_destination', 'delay'] as readonly string[],
  /** Names JavaScript XML tooling refuses (prototype pollution guards); no Call Flow needs them. */
  forbiddenVariableNames: ['__proto__', 'constructor', 'prototype'] as readonly string[],
  maxVariables: 50,
  maxVariableValueLength: 1024,
  /** Characters XML 1.0 allows in text: anything else cannot be escaped, only refused. */
  xmlText: /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u,
} as const;

export interface IovoxErrorText {
  code: ErrorCode;
  /** Ours: what happened, in the user's terms. */
  message: string;
  /** Ours: what the user can do. */
  hint: string;
}

interface IovoxErrorRule {
  /** Matches the vendor's error string; `x`, `y`, `z` of the documented table are groups. */
  pattern: RegExp;
  describe(match: RegExpExecArray): IovoxErrorText;
}

const BASE_URL_HINT = "Check that the profile's base URL is the IOVOX API itself (https://api.iovox.com:444) and not a proxy that rewrites requests.";

/** The initiateCall error table of vendor-docs/iovox-initiate-call.txt, plus the API-wide 401. */
export const IOVOX_ERROR_RULES: readonly IovoxErrorRule[] = [
  {
    pattern: /^HTTP 401: Unauthorized$/,
    describe: () => ({
      code: 'AUTH_FAILED',
      message: "IOVOX did not accept this profile's credentials.",
      hint: "Check the profile's username and secureKey, and that this computer's IP address is whitelisted in IOVOX (Portal → Settings → API Settings).",
    }),
  },
  {
    pattern: /^API Version Empty$/,
    describe: () => ({ code: 'VENDOR_REJECTED', message: 'IOVOX received the call request without its API version.', hint: BASE_URL_HINT }),
  },
  {
    pattern: /^API Version Invalid$/,
    describe: () => ({ code: 'VENDOR_REJECTED', message: 'IOVOX does not accept API version 3 at this address.', hint: BASE_URL_HINT }),
  },
  {
    pattern: /^Request Method must be POST\. (.+) attempted$/,
    describe: (match) => ({
      code: 'VENDOR_REJECTED',
      message: `IOVOX received the call request as ${match[1] ?? 'another method'} instead of POST.`,
      hint: `A redirect or proxy changed the request method. ${BASE_URL_HINT}`,
    }),
  },
  {
    pattern: /^XML Empty$/,
    describe: () => ({ code: 'VENDOR_REJECTED', message: 'IOVOX received the call request without its XML.', hint: BASE_URL_HINT }),
  },
  {
    pattern: /^XML parse error\. (.+) at line (\d+), column (\d+)$/,
    describe: (match) => ({
      code: 'VENDOR_REJECTED',
      message: `IOVOX could not read the call request's XML (line ${match[2] ?? '?'}, column ${match[3] ?? '?'}).`,
      hint: 'The softphone sends well-formed XML, so something between it and IOVOX changed the request. Report the message to your administrator.',
    }),
  },
  {
    pattern: /^Request Empty$/,
    describe: () => ({
      code: 'VENDOR_REJECTED',
      message: 'IOVOX received a call request without a Link ID or Call Variables.',
      hint: "Check the profile's Link ID and the call's IOVOX variables.",
    }),
  },
  {
    pattern: /^Link ID Empty$/,
    describe: () => ({ code: 'VENDOR_REJECTED', message: 'IOVOX received no Link ID.', hint: "Set the Link ID in this profile's settings." }),
  },
  {
    pattern: /^Link ID does not exist$/,
    describe: () => ({
      code: 'NOT_FOUND',
      message: "This profile's Link ID does not exist in IOVOX.",
      hint: "Correct the profile's Link ID to an existing Link ID (IOVOX portal → Links).",
    }),
  },
  {
    pattern: /^Link ID has no Calling Rules$/,
    describe: () => ({
      code: 'VENDOR_REJECTED',
      message: "This profile's Link ID has no Calling Rules, so IOVOX cannot place calls with it.",
      hint: 'Ask your IOVOX administrator to attach a Rule Template to the Link (Rules::attachRuleTemplateToLinks), or use a Link ID that has Calling Rules.',
    }),
  },
  {
    pattern: /^Call Variable (.+) Empty$/,
    describe: (match) => ({
      code: 'VENDOR_REJECTED',
      message: `The Link's Calling Rules need the call variable "${match[1] ?? ''}", which this call did not set.`,
      hint: `Add ${match[1] ?? 'the variable'} to the call's IOVOX variables, then place the call again.`,
    }),
  },
  {
    pattern: /^The number of calls allowed has been exceeded$/,
    describe: () => ({
      code: 'RATE_LIMITED',
      message: 'IOVOX refused the call: the number of calls allowed has been exceeded.',
      hint: 'The caller cannot make more calls for a period of time. Wait before calling again; the softphone does not retry.',
    }),
  },
  {
    pattern: /^Internal Server Error$/,
    describe: () => ({
      code: 'OUTCOME_UNKNOWN',
      message: 'IOVOX answered with an internal error: it may or may not have placed the call.',
      hint: 'Check the call records in IOVOX before calling again. The softphone never retries by itself, as a repeat could place a second call.',
    }),
  },
];

const UNKNOWN_ERROR: IovoxErrorText = {
  code: 'VENDOR_REJECTED',
  message: 'IOVOX rejected the call request.',
  hint: "The message is IOVOX's own; check the profile's settings and the call's IOVOX variables.",
};

export function describeIovoxError(vendorText: string): IovoxErrorText {
  for (const rule of IOVOX_ERROR_RULES) {
    const match = rule.pattern.exec(vendorText);
    if (match) return rule.describe(match);
  }
  return UNKNOWN_ERROR;
}
