import type { EmulatorResponse } from '../framework/emulatorServer';

export interface OracleReply {
  status: number;
  text: string;
}

/**
 * Plain-text error bodies. The documentation gives the status codes and quotes three texts
 * (`documented`); it leaves the others unspecified, so those are the emulator's own words.
 */
export const ORACLE_REPLIES = {
  // documented
  startFailed: { status: 404, text: 'Call could not be started' },
  alreadyEnded: { status: 403, text: 'The call has already ended.' },
  endFailed: { status: 404, text: 'Attempt to end the call failed.' },
  // invented
  templateNotFound: { status: 404, text: 'Call template not found' },
  invalidUserPhone: { status: 404, text: 'Invalid user phone number' },
  sessionNotFound: { status: 404, text: 'Session not found' },
  invalidBody: { status: 400, text: 'The request body must be a JSON object' },
  invalidDelay: { status: 400, text: 'Invalid delay: a whole number of seconds from 0 to 900' },
  invalidUserExtension: { status: 400, text: 'Invalid userExtension: only 0-9 . , * # are permitted' },
  invalidWhen: { status: 400, text: 'Invalid when: an RFC 2822 date/time in the future is required' },
  whenWithDelay: { status: 400, text: 'Invalid when: a call cannot have both when and delay' },
  invalidFlag: (name: string) => ({ status: 400, text: `Invalid ${name}: allowable values are 'true' and 'false'` }),
  invalidAuthorizeUrl: { status: 400, text: 'Invalid authorizeUrl' },
  invalidVisitorContext: (reason: string) => ({ status: 400, text: `Invalid visitorContext: ${reason}` }),
  invalidCallback: { status: 400, text: 'Invalid callback' },
  preAuthorizationFailed: { status: 403, text: 'Pre-call authorization checks failed' },
  reverseCallFlowNotPermitted: { status: 403, text: 'Reverse call flow is not permitted for this account' },
} as const;

export function textReply(reply: OracleReply): EmulatorResponse {
  return { status: reply.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: reply.text };
}

export function methodNotAllowed(allow: string): EmulatorResponse {
  return { status: 405, headers: { allow } };
}

/** JSONP callers get every answer as HTTP 200; errors as `{"statuscode":"404","reason":"…"}` (documented). */
const CALLBACK = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

export function isValidCallback(callback: string | null): callback is string {
  return callback !== null && callback.length <= 128 && CALLBACK.test(callback);
}

export function jsonpReply(callback: string, payload: unknown): EmulatorResponse {
  return { status: 200, headers: { 'content-type': 'application/javascript; charset=utf-8' }, body: `${callback}(${JSON.stringify(payload)})` };
}

export function jsonpError(callback: string, reply: OracleReply): EmulatorResponse {
  return jsonpReply(callback, { statuscode: String(reply.status), reason: reply.text });
}
