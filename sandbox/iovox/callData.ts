import type { FarEndOutcome } from '../emulator';
import type { EmulatorResponse } from '../framework/emulatorServer';
import type { IovoxCallRecord } from './callBook';
import { errorsResponse, IOVOX_ERRORS, xmlResponse } from './errorResponses';

/** `call_res` per far-end outcome; INVALID NUMBER is the emulator's own wording. */
const CALL_RESULT: Record<FarEndOutcome, string> = {
  answer: 'ANSWERED',
  busy: 'BUSY',
  'no-answer': 'NO ANSWER',
  invalid: 'INVALID NUMBER',
};

/** How long each outcome lasts, from the scheduled start to the call end (`ce`). */
const CALL_LENGTH_MS: Record<FarEndOutcome, number> = {
  answer: 60_000,
  busy: 5_000,
  'no-answer': 30_000,
  invalid: 0,
};

const FIELDS = ['id', 'cs', 'ce', 'ctype', 'call_res', 'lid'] as const;
type Field = (typeof FIELDS)[number];

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const MAX_LIMIT = 20_000;

const formatDateTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const parseDateTime = (text: string): number => Date.parse(`${text.replace(' ', 'T')}Z`);

function toResult(call: IovoxCallRecord): Record<Field, string> {
  return {
    id: String(call.id),
    cs: formatDateTime(call.scheduledAt),
    ce: formatDateTime(call.scheduledAt + CALL_LENGTH_MS[call.outcome]),
    ctype: 'API',
    call_res: CALL_RESULT[call.outcome],
    lid: call.linkId,
  };
}

function positiveInteger(text: string | null, fallback: number, max: number): number | undefined {
  if (text === null) return fallback;
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= max ? value : undefined;
}

/**
 * getCallData over the calls whose record has appeared (`visibleAt` ≤ now): the filters of
 * vendors/iovox.md §4, paged, as XML (default) or JSON.
 */
export function getCallData(query: URLSearchParams, calls: readonly IovoxCallRecord[], visible: (call: IovoxCallRecord) => boolean): EmulatorResponse {
  const sdt = query.get('sdt');
  const edt = query.get('edt');
  const limit = positiveInteger(query.get('limit'), MAX_LIMIT, MAX_LIMIT);
  const page = positiveInteger(query.get('page'), 1, Number.MAX_SAFE_INTEGER);
  const order = query.get('order') ?? 'cs_DESC';
  const output = (query.get('output') ?? 'XML').toUpperCase();
  const invalid = [
    sdt !== null && !DATE_TIME.test(sdt) ? 'sdt' : undefined,
    edt !== null && !DATE_TIME.test(edt) ? 'edt' : undefined,
    limit === undefined ? 'limit' : undefined,
    page === undefined ? 'page' : undefined,
    order !== 'cs_DESC' && order !== 'cs_ASC' ? 'order' : undefined,
    output !== 'XML' && output !== 'JSON' ? 'output' : undefined,
  ].filter((name): name is string => name !== undefined);
  if (invalid.length > 0 || limit === undefined || page === undefined) {
    return errorsResponse(invalid.map((name) => IOVOX_ERRORS.parameterInvalid(name)));
  }

  const wanted = query.get('req_fields')?.split(',').map((field) => field.trim());
  const fields = wanted ? FIELDS.filter((field) => wanted.includes(field)) : FIELDS;
  const results = calls
    .filter(visible)
    .map(toResult)
    .filter((result) => {
      const cs = parseDateTime(result.cs);
      return (
        (query.get('link_id') === null || result.lid === query.get('link_id')) &&
        (query.get('ctype') === null || result.ctype === query.get('ctype')) &&
        (query.get('call_res') === null || result.call_res === query.get('call_res')) &&
        (sdt === null || cs >= parseDateTime(sdt)) &&
        (edt === null || cs <= parseDateTime(edt))
      );
    })
    .sort((a, b) => (order === 'cs_ASC' ? 1 : -1) * (parseDateTime(a.cs) - parseDateTime(b.cs) || Number(a.id) - Number(b.id)))
    .slice((page - 1) * limit, page * limit)
    .map((result) => Object.fromEntries(fields.map((field) => [field, result[field]])));

  const tree = { response: { results: { result: results } } };
  return output === 'JSON' ? { status: 200, body: tree } : xmlResponse(200, tree);
}
