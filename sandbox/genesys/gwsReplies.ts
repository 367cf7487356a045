import type { EmulatorResponse } from '../framework/emulatorServer';

/** GWS `statusCode` values used by the emulator (Return Values page). */
export const StatusCode = {
  ok: 0,
  missingParameter: 1,
  invalidForState: 2,
  internalError: 4,
  notFound: 6,
  partialSuccess: 7,
  notAuthenticated: 20,
} as const;

export function ok(body: Record<string, unknown> = {}): EmulatorResponse {
  return { status: 200, body: { statusCode: StatusCode.ok, ...body } };
}

export function failure(status: number, statusCode: number, statusMessage: string): EmulatorResponse {
  return { status, body: { statusCode, statusMessage } };
}

export const accessDenied = (): EmulatorResponse => failure(403, StatusCode.notAuthenticated, 'Access denied');

export const missingParameter = (name: string): EmulatorResponse =>
  failure(400, StatusCode.missingParameter, `Required parameter '${name}' is missing`);

export const invalidParameter = (name: string): EmulatorResponse =>
  failure(400, StatusCode.invalidForState, `Parameter '${name}' is not valid`);

export const notFound = (what: string): EmulatorResponse => failure(404, StatusCode.notFound, `${what} does not exist`);

/** Text as live servers send it for an operation on a DN that T-Server has not registered. */
export const notRegistered = (dn: string): EmulatorResponse => failure(500, StatusCode.internalError, `Device '${dn}' is not registered.`);

/** Spring Security's CSRF filter answers before authentication, with plain text. */
export const csrfRejected = (): EmulatorResponse => ({ status: 403, body: 'Missing or invalid Csrf token' });
