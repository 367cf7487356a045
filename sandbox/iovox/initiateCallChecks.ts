import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IOVOX_ERRORS, type IovoxError } from './errorResponses';
import type { IovoxLink } from './seed';

/** An initiateCall request that passed every check, as IOVOX would record it. */
export interface InitiateCallRequest {
  linkId: string;
  /** The whole `call_destination` text, keypress suffix included; undefined when not sent. */
  callDestination: string | undefined;
  delayMinutes: number;
  /** Every other call variable, by element name. */
  variables: Record<string, string>;
}

export type InitiateCallVerdict = { ok: true; request: InitiateCallRequest } | { ok: false; errors: IovoxError[] };

// Values are kept as text: IOVOX compares names and reads strings, it never coerces "0123".
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

const DELAY = /^[0-9]+$/;

/** Stages 4–8 of vendors/iovox.md §7: body, XML, request, link, variables, delay. */
export function checkInitiateCall(body: string, findLink: (linkId: string) => IovoxLink | undefined): InitiateCallVerdict {
  if (body.trim() === '') return fail(IOVOX_ERRORS.xmlEmpty);
  const validation = XMLValidator.validate(body);
  if (validation !== true) {
    return fail(IOVOX_ERRORS.xmlParse(validation.err.msg, validation.err.line, validation.err.col));
  }
  const parsed = parseDocument(body);
  if (!parsed.ok) return fail(parsed.error);
  const request = asRecord(asRecord(parsed.document)?.request);
  if (!request || Object.keys(request).length === 0) return fail(IOVOX_ERRORS.requestEmpty);

  const linkId = textOf(request.link_id).trim();
  if (linkId === '') return fail(IOVOX_ERRORS.linkEmpty);
  const link = findLink(linkId);
  if (!link) return fail(IOVOX_ERRORS.linkUnknown);
  if (!link.hasCallingRules) return fail(IOVOX_ERRORS.linkWithoutRules);

  const variables = Object.fromEntries(
    Object.entries(asRecord(request.call_variables) ?? {}).map(([name, value]) => [name, textOf(value)]),
  );
  const missing = link.requiredVariables.filter((name) => (variables[name] ?? '').trim() === '');
  if (missing.length > 0) return { ok: false, errors: missing.map((name) => IOVOX_ERRORS.variableEmpty(name)) };

  const { call_destination: callDestination, delay, ...custom } = variables;
  if (delay !== undefined && !DELAY.test(delay)) return fail(IOVOX_ERRORS.delayNotInteger);
  return {
    ok: true,
    request: { linkId, callDestination, delayMinutes: delay === undefined ? 0 : Number(delay), variables: custom },
  };
}

/**
 * The parser refuses element names such as `__proto__` (its prototype-pollution guard); IOVOX
 * itself is not written in JavaScript, but the emulator answers them as a parse error at the
 * element rather than crash.
 */
function parseDocument(body: string): { ok: true; document: unknown } | { ok: false; error: IovoxError } {
  try {
    return { ok: true, document: parser.parse(body) };
  } catch (error) {
    const at = Math.max(0, body.search(/<(__proto__|constructor|prototype)[\s/>]/));
    const before = body.slice(0, at).split('\n');
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: IOVOX_ERRORS.xmlParse(reason, before.length, (before.at(-1)?.length ?? 0) + 1) };
  }
}

function fail(error: IovoxError): InitiateCallVerdict {
  return { ok: false, errors: [error] };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Element text; an element holding child elements (or repeated) has no text of its own. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
