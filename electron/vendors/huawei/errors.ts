import { AppError } from '../../../shared/errors';
import { huaweiRetcodeText } from '../../../shared/vendors/huaweiLimits';
import { TransportError } from '../http/httpClient';
import { GatewayResponseError } from './gatewayClient';
import type { GatewayEnvelope } from './wire';

/** What the user can do about each documented result code. */
const RETCODE_HINTS: Readonly<Record<string, string>> = {
  '000-002': 'Check the number and the call options; the gateway found a parameter invalid.',
  '000-003': 'The gateway no longer accepts this session; the softphone is signing in again. Try again in a moment.',
  '000-004': 'The gateway is switching over; try again in a minute.',
  '100-001': 'Check the agent ID and phone number of the profile.',
  '100-002': 'The agent is signed in elsewhere. Sign out there, or turn on forced sign-in for this profile.',
  '100-003': 'The contact center cannot take sign-ins right now; try again later or ask your administrator.',
  '100-004': 'Check the agent ID and the password of the profile.',
  '100-006': 'The gateway has signed the agent out; the softphone is signing in again. Try again in a moment.',
  '100-011': 'Check the agent ID and phone number of the profile.',
  '100-013': 'Check the phone number of the profile: the gateway does not let this agent bind it.',
  '100-014': 'Check the phone number of the profile: it is outside the range configured for this agent.',
  '100-015': 'The agent is signed in elsewhere and this site does not allow taking the session over. Sign out there first.',
  '100-016': 'This computer\u2019s address is not allowed to sign in; ask your administrator.',
  '200-001': 'Check the number you dialled.',
  '200-013': 'There is no call to put on hold.',
  '200-014': 'The call cannot be put on hold in its current state.',
  '200-015': 'There is no held call to resume.',
  '200-016': 'The call cannot be resumed in its current state.',
  '200-017': 'There is no call to hang up.',
  '999-001': 'The gateway is misconfigured; ask your administrator.',
};

const DEFAULT_HINT = 'Try again; if it keeps failing, give your administrator the result code.';

/** The gateway answered with a non-zero `retcode`: its own words verbatim, the documented meaning, and a hint. */
export function refusal(action: string, envelope: Pick<GatewayEnvelope, 'retcode' | 'message'>): AppError {
  const meaning = huaweiRetcodeText(envelope.retcode);
  return new AppError({
    code: envelope.retcode === '100-004' ? 'AUTH_FAILED' : 'VENDOR_REJECTED',
    message: `${action} was refused by the Huawei CC-Gateway (${envelope.retcode}: ${meaning})`,
    vendorMessage: envelope.message !== '' ? envelope.message : `retcode ${envelope.retcode}`,
    hint: (Object.hasOwn(RETCODE_HINTS, envelope.retcode) ? RETCODE_HINTS[envelope.retcode] : undefined) ?? DEFAULT_HINT,
  });
}

/**
 * A request that may have placed a call got no usable answer, or an answer that does not
 * say whether it did (100-007, 000-007). Never retried (DESIGN §4).
 */
export function outcomeUnknown(action: string, cause: Error | Pick<GatewayEnvelope, 'retcode' | 'message'>): AppError {
  const fromGateway = !(cause instanceof Error);
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `${action}: the outcome is unknown (${fromGateway ? `the gateway answered ${cause.retcode}: ${huaweiRetcodeText(cause.retcode)}` : describe(cause)}). The call may have been placed.`,
    ...(fromGateway ? { vendorMessage: cause.message !== '' ? cause.message : `retcode ${cause.retcode}` } : {}),
    hint: 'Check your phone and the call list before dialling again; the softphone is asking the gateway for the agent\u2019s current call.',
  });
}

/** A request that cannot have placed a call failed in transport or got a malformed answer. */
export function unreachable(action: string, cause: unknown): AppError {
  return new AppError({
    code: 'NETWORK',
    message: `${action} failed: ${describe(cause)}.`,
    hint: 'Check the gateway address in the profile and the network, then try again.',
  });
}

export function notSignedIn(action: string, agentId: string): AppError {
  return new AppError({
    code: 'AUTH_FAILED',
    message: `${action} needs agent ${agentId} to be signed in to the Huawei CC-Gateway.`,
    hint: 'Sign in, or wait until the softphone has signed in again.',
  });
}

/** Transport failures and 5xx answers are worth another sign-in attempt; refusals are not. */
export function isTransient(cause: unknown): boolean {
  return cause instanceof TransportError || (cause instanceof GatewayResponseError && cause.status >= 500);
}

function describe(cause: unknown): string {
  if (cause instanceof TransportError || cause instanceof GatewayResponseError) return cause.message;
  return 'unexpected error';
}
