import { AppError } from '../../../shared/errors';
import { describeOracleEndError, describeOracleStartError, describeOracleStatusError } from '../../../shared/vendors/oracleLimits';
import { TransportError } from '../http/httpClient';
import { vendorText } from './statusResponse';

const OUTCOME_UNKNOWN_HINT =
  "Check the customer's phone and the Oracle call records before calling again. The softphone never retries a start by itself: a second one would ring the customer twice.";

/**
 * A start answered with something other than 200 + session id. 5xx, 408, redirects and other
 * 2xx may have started a call: OUTCOME_UNKNOWN, never retried. 4xx proves nothing started.
 */
export function startFailure(status: number, body: string, dialledNumber: string, callAgentFirst: boolean): AppError {
  const vendorMessage = vendorText(status, body);
  if (status >= 500 || status === 408 || status < 400) {
    return new AppError({
      code: 'OUTCOME_UNKNOWN',
      message: `Oracle answered HTTP ${status} to the call to ${dialledNumber}: the softphone cannot tell whether the call started.`,
      vendorMessage,
      hint: OUTCOME_UNKNOWN_HINT,
    });
  }
  return new AppError({ ...describeOracleStartError(status, dialledNumber, callAgentFirst), vendorMessage });
}

/** 200 without a session id: a call probably started, but it cannot be followed or ended. */
export function startWithoutSession(body: string, dialledNumber: string): AppError {
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `Oracle accepted the call to ${dialledNumber} but sent no session id, so the softphone cannot follow or end it.`,
    vendorMessage: vendorText(200, body),
    hint: OUTCOME_UNKNOWN_HINT,
  });
}

export function endFailure(status: number, body: string): AppError {
  return new AppError({ ...describeOracleEndError(status), vendorMessage: vendorText(status, body) });
}

export function statusFailure(status: number, body: string): AppError {
  return new AppError({ ...describeOracleStatusError(status), vendorMessage: vendorText(status, body) });
}

/** No answer at all. A start that may have left has an unknown outcome; anything else is a network error. */
export function transportFailure(error: unknown, request: 'start' | 'end' | 'status'): AppError {
  if (error instanceof TransportError && !error.mayHaveReachedVendor) {
    return new AppError({
      code: 'NETWORK',
      message: `Cannot reach Oracle Click-to-Call (${error.message}); nothing was sent.`,
      hint: "Check the network connection and the profile's base URL.",
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (request === 'start') {
    return new AppError({
      code: 'OUTCOME_UNKNOWN',
      message: `No answer from Oracle (${reason}): the call may or may not have started.`,
      hint: OUTCOME_UNKNOWN_HINT,
    });
  }
  return new AppError({
    code: 'NETWORK',
    message: `No answer from Oracle (${reason}).`,
    hint: request === 'end' ? 'The call may still be going on; try again (ending a call is safe to repeat).' : 'Check the network connection.',
  });
}
