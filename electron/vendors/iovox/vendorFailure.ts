import { AppError } from '../../../shared/errors';
import { describeIovoxError, type IovoxErrorText } from '../../../shared/vendors/iovoxLimits';
import { TransportError } from '../http/httpClient';
import { parseIovoxErrors } from './errorsXml';

const SNIPPET = 300;

function bodySnippet(status: number, body: string): string {
  const text = body.trim();
  return text === '' ? `HTTP ${status}` : text.slice(0, SNIPPET);
}

const OUTCOME_UNKNOWN_HINT =
  'Check the call records in IOVOX (or the phone) before calling again. The softphone never retries by itself: IOVOX gives no call id, so a repeat would place a second call.';

/**
 * An initiateCall answer other than 201. A 5xx (or 408, or a 2xx that is not 201) may have
 * placed the call: OUTCOME_UNKNOWN, never retried. A 4xx proves nothing was placed.
 */
export function initiateCallFailure(status: number, body: string): AppError {
  const errors = parseIovoxErrors(body) ?? [];
  const vendorMessage = errors.length > 0 ? errors.map((error) => error.text).join('\n') : bodySnippet(status, body);
  if (status >= 500 || status === 408 || status < 400) {
    const described = errors.length > 0 ? describeIovoxError(errors[0]?.text ?? '') : undefined;
    return new AppError({
      code: 'OUTCOME_UNKNOWN',
      message:
        described?.code === 'OUTCOME_UNKNOWN'
          ? described.message
          : `IOVOX answered HTTP ${status} instead of 201: the softphone cannot tell whether the call was placed.`,
      vendorMessage,
      hint: OUTCOME_UNKNOWN_HINT,
    });
  }
  return rejection(status, errors.map((error) => error.text), vendorMessage);
}

/** A getCallData (sign-in check) answer other than 200: nothing is placed by a read, so no outcome is unknown. */
export function callDataFailure(status: number, body: string): AppError {
  const errors = parseIovoxErrors(body) ?? [];
  const vendorMessage = errors.length > 0 ? errors.map((error) => error.text).join('\n') : bodySnippet(status, body);
  if (status >= 500) {
    return new AppError({
      code: 'NETWORK',
      message: `IOVOX could not answer the sign-in check (HTTP ${status}).`,
      vendorMessage,
      hint: 'Try signing in again later.',
    });
  }
  return rejection(status, errors.map((error) => error.text), vendorMessage);
}

function rejection(status: number, texts: readonly string[], vendorMessage: string): AppError {
  const described: IovoxErrorText[] =
    texts.length > 0
      ? texts.map(describeIovoxError)
      : [
          status === 401
            ? describeIovoxError('HTTP 401: Unauthorized')
            : { code: 'VENDOR_REJECTED', message: `IOVOX refused the request (HTTP ${status}).`, hint: "Check the profile's base URL." },
        ];
  const first = described[0] as IovoxErrorText;
  const hints = [...new Set(described.map((entry) => entry.hint))];
  return new AppError({
    code: first.code,
    message: described.length === 1 ? first.message : `IOVOX refused the call for ${described.length} reasons: ${described.map((entry) => entry.message).join(' ')}`,
    vendorMessage,
    hint: hints.join(' '),
  });
}

/** No answer to a request: unknown outcome unless the request provably never left. */
export function transportFailure(error: unknown, placesCall: boolean): AppError {
  if (error instanceof TransportError && !error.mayHaveReachedVendor) {
    return new AppError({
      code: 'NETWORK',
      message: `Cannot reach IOVOX (${error.message}); nothing was sent.`,
      hint: "Check the network connection and the profile's base URL.",
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (!placesCall) {
    return new AppError({ code: 'NETWORK', message: `No answer from IOVOX (${reason}).`, hint: 'Check the network connection and try again.' });
  }
  return new AppError({
    code: 'OUTCOME_UNKNOWN',
    message: `No answer from IOVOX (${reason}): the call may or may not have been placed.`,
    hint: OUTCOME_UNKNOWN_HINT,
  });
}
