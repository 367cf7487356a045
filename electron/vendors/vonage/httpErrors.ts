import { AppError } from '../../../shared/errors';
import { VONAGE_400_EXPLANATIONS, vonage400Key } from '../../../shared/vendors/vonageLimits';
import type { TransportError } from '../http/httpClient';
import { OAuthErrorSchema, VccMessageSchema } from './responses';
import { parseJsonText } from './jsonText';

export interface VendorAnswer {
  status: number;
  text: string;
}

const MAX_VENDOR_TEXT = 500;


/** The vendor's own words: `message`, an OAuth `error`, or the raw body when it is not JSON. */
export function vendorWords(answer: VendorAnswer): string | undefined {
  const json = parseJsonText(answer.text);
  const message = VccMessageSchema.safeParse(json);
  if (message.success) return message.data.message;
  const oauth = OAuthErrorSchema.safeParse(json);
  if (oauth.success) return oauth.data.error_description ? `${oauth.data.error}: ${oauth.data.error_description}` : oauth.data.error;
  const raw = answer.text.trim();
  return raw === '' ? undefined : raw.slice(0, MAX_VENDOR_TEXT);
}

const withVendorWords = (answer: VendorAnswer): { vendorMessage?: string } => {
  const words = vendorWords(answer);
  return words === undefined ? {} : { vendorMessage: words };
};

const RATE_LIMIT_HINT =
  'Vonage’s fair-usage limit is shared by all VCC APIs and resets automatically after a short period: wait a few seconds, then try again.';
const UNKNOWN_OUTCOME_HINT =
  'The call may be ringing. Check the agent’s VCC phone before dialling again; the softphone did not retry.';

/** A non-2xx answer to `POST /v0/{accountKey}/calls/` (after the one retry a 401 allows). */
export function createCallError(answer: VendorAnswer): AppError {
  const vendor = withVendorWords(answer);
  if (answer.status === 400) {
    const key = vendor.vendorMessage === undefined ? undefined : vonage400Key(vendor.vendorMessage);
    const explanation = key === undefined ? undefined : VONAGE_400_EXPLANATIONS[key];
    return new AppError({
      code: 'VENDOR_REJECTED',
      message: explanation?.meaning ?? 'Vonage Contact Center refused the call request.',
      ...vendor,
      hint: explanation?.hint ?? 'No call was placed. Check the call details and try again.',
    });
  }
  if (answer.status === 415) {
    return new AppError({
      code: 'VENDOR_REJECTED',
      message: 'Vonage Contact Center did not accept the request’s content type.',
      ...vendor,
      hint: 'No call was placed. The softphone sends JSON; check the profile’s base URL points at the VCC Calls API.',
    });
  }
  if (answer.status === 429) {
    return new AppError({ code: 'RATE_LIMITED', message: 'Vonage Contact Center is receiving too many requests.', ...vendor, hint: `No call was placed. ${RATE_LIMIT_HINT}` });
  }
  if (answer.status === 401 || answer.status === 403) {
    return new AppError({
      code: 'AUTH_FAILED',
      message: 'Vonage Contact Center refused the access token.',
      ...vendor,
      hint: 'No call was placed. Sign in again; if it keeps happening, check the API token (generating a new one in Admin Portal invalidates the old one).',
    });
  }
  if (answer.status === 404) {
    return new AppError({
      code: 'VENDOR_REJECTED',
      message: 'Vonage Contact Center has no Calls API at this address for this account.',
      ...vendor,
      hint: 'No call was placed. Check the profile’s base URL (e.g. https://emea.cc.vonage.com) and account key.',
    });
  }
  if (answer.status >= 400 && answer.status < 500) {
    return new AppError({ code: 'VENDOR_REJECTED', message: `Vonage Contact Center refused the call request (HTTP ${answer.status}).`, ...vendor });
  }
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `Vonage Contact Center answered HTTP ${answer.status} while placing the call: it may or may not have been placed.`,
    ...vendor,
    hint: UNKNOWN_OUTCOME_HINT,
  });
}

/** The request left (or may have left) and no answer came back: never retried, since a call may exist. */
export function createCallTransportError(error: TransportError): AppError {
  if (!error.mayHaveReachedVendor) {
    return new AppError({
      code: 'NETWORK',
      message: `Cannot reach Vonage Contact Center (${error.message}); no call was placed.`,
      hint: 'Check the network connection and the profile’s base URL.',
    });
  }
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `No answer from Vonage Contact Center while placing the call (${error.message}): it may or may not have been placed.`,
    hint: UNKNOWN_OUTCOME_HINT,
  });
}

/** A non-200 answer to the call-detail GET; the poller decides from the code whether to keep going. */
export function callDetailError(answer: VendorAnswer): AppError {
  const vendor = withVendorWords(answer);
  if (answer.status === 404) {
    return new AppError({ code: 'NOT_FOUND', message: 'Vonage Contact Center no longer has this call’s detail (kept up to 24 hours).', ...vendor });
  }
  if (answer.status === 401 || answer.status === 403) {
    return new AppError({ code: 'AUTH_FAILED', message: 'Vonage Contact Center refused the access token while reading call status.', ...vendor, hint: 'Sign in again.' });
  }
  if (answer.status === 429) {
    return new AppError({ code: 'RATE_LIMITED', message: 'Vonage Contact Center is receiving too many requests.', ...vendor, hint: RATE_LIMIT_HINT });
  }
  return new AppError({ code: 'NETWORK', message: `Vonage Contact Center answered HTTP ${answer.status} to a call-status request.`, ...vendor });
}

/** A non-200 answer from the token endpoint. */
export function tokenError(answer: VendorAnswer): AppError {
  const vendor = withVendorWords(answer);
  if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
    return new AppError({
      code: 'AUTH_FAILED',
      message: 'Vonage Contact Center refused the account key or API token.',
      ...vendor,
      hint: 'Check the account key and the API authentication token (Admin Portal → Account Settings → Configuration); generating a new token invalidates the old one.',
    });
  }
  if (answer.status === 429) {
    return new AppError({ code: 'RATE_LIMITED', message: 'Vonage Contact Center is receiving too many requests.', ...vendor, hint: RATE_LIMIT_HINT });
  }
  return new AppError({
    code: 'NETWORK',
    message: `Vonage Contact Center could not issue an access token (HTTP ${answer.status}).`,
    ...vendor,
    hint: 'Try again in a moment; check the profile’s base URL if it persists.',
  });
}
