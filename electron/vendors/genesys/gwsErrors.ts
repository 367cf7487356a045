import { AppError, type ErrorCode } from '../../../shared/errors';
import { GENESYS_STATUS_TEXT } from '../../../shared/vendors/genesys';

export const CHECK_CREDENTIALS_HINT = 'Check the username and password of this Genesys profile in Settings.';

const CODES: Readonly<Record<number, ErrorCode>> = {
  3: 'FORBIDDEN',
  5: 'FORBIDDEN',
  6: 'NOT_FOUND',
  8: 'AUTH_FAILED',
  20: 'AUTH_FAILED',
};

const HINTS: Readonly<Record<number, string>> = {
  1: 'Check the number and the dial options, then try again.',
  2: 'The call has changed state; check the Active calls panel and try again.',
  3: 'Ask your Genesys administrator for permission to do this.',
  4: 'Genesys reported an internal error: check that your phone (DN) is registered, then try again.',
  5: 'Ask your Genesys administrator for permission to do this.',
  6: 'The call or device no longer exists; check the Active calls panel.',
  8: 'Change your password in Genesys, then update it in Settings.',
  10: 'Check the number and the dial options, then try again.',
  20: CHECK_CREDENTIALS_HINT,
};

/**
 * A non-zero GWS `statusCode` as an AppError: the vendor's `statusMessage` verbatim as
 * `vendorMessage`, and the documented meaning of the code when the vendor sent no message.
 */
export function errorFromStatus(operation: string, statusCode: number, statusMessage: string | undefined): AppError {
  const words = statusMessage ?? GENESYS_STATUS_TEXT[statusCode] ?? `status code ${statusCode}`;
  const hint = HINTS[statusCode];
  return new AppError({
    code: CODES[statusCode] ?? 'VENDOR_REJECTED',
    message: `${operation} refused by Genesys: ${words}`,
    ...(statusMessage !== undefined ? { vendorMessage: statusMessage } : {}),
    ...(hint ? { hint } : {}),
  });
}

/** A request that may have placed a call got no clear answer: never retried (DESIGN §4). */
export function outcomeUnknown(operation: string, why: string, vendorMessage?: string): AppError {
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `${operation} got no clear answer from Genesys (${why}): the call may have been placed.`,
    ...(vendorMessage !== undefined ? { vendorMessage } : {}),
    hint: 'Check the Active calls panel before dialling again; the softphone is re-reading the calls from Genesys.',
  });
}
