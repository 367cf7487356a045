import { XMLBuilder } from 'fast-xml-parser';
import type { EmulatorResponse } from '../framework/emulatorServer';

/**
 * The error strings of the initiateCall table (vendor-docs/iovox-initiate-call.txt), verbatim,
 * plus the API-wide 401. Those marked "invented" are the emulator's own: the docs are silent.
 */
export const IOVOX_ERRORS = {
  unauthorized: { status: 401, text: 'HTTP 401: Unauthorized' },
  versionEmpty: { status: 400, text: 'API Version Empty' },
  versionInvalid: { status: 400, text: 'API Version Invalid' },
  /** Invented: a `method` query parameter other than the route's own. */
  methodInvalid: { status: 400, text: 'Method Invalid' },
  requestMethod: (expected: string, attempted: string) => ({
    status: 400,
    text: `Request Method must be ${expected}. ${attempted} attempted`,
  }),
  xmlEmpty: { status: 400, text: 'XML Empty' },
  xmlParse: (reason: string, line: number, column: number) => ({
    status: 400,
    text: `XML parse error. ${reason} at line ${line}, column ${column}`,
  }),
  requestEmpty: { status: 400, text: 'Request Empty' },
  linkEmpty: { status: 400, text: 'Link ID Empty' },
  linkUnknown: { status: 400, text: 'Link ID does not exist' },
  linkWithoutRules: { status: 400, text: 'Link ID has no Calling Rules' },
  variableEmpty: (name: string) => ({ status: 400, text: `Call Variable ${name} Empty` }),
  /** Invented: the docs only say delay "must be an integer". */
  delayNotInteger: { status: 400, text: 'Call Variable delay must be an integer' },
  /** Invented: a getCallData query parameter the emulator cannot read. */
  parameterInvalid: (name: string) => ({ status: 400, text: `Parameter ${name} Invalid` }),
  callsExceeded: { status: 400, text: 'The number of calls allowed has been exceeded' },
  internal: { status: 500, text: 'Internal Server Error' },
} as const;

export interface IovoxError {
  status: number;
  text: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ' });

export const XML_HEADERS = { 'content-type': 'application/xml; charset=utf-8' };

/** `<errors><error status="…">…</error></errors>`, several errors in one response; HTTP status of the first. */
export function errorsResponse(errors: readonly IovoxError[]): EmulatorResponse {
  const first = errors[0] ?? IOVOX_ERRORS.internal;
  const body = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    errors: { error: errors.map((error) => ({ '@_status': String(error.status), '#text': error.text })) },
  });
  return { status: first.status, headers: XML_HEADERS, body };
}

export function xmlResponse(status: number, tree: Record<string, unknown>): EmulatorResponse {
  return { status, headers: XML_HEADERS, body: builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, ...tree }) };
}
