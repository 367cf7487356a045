import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

export interface IovoxVendorError {
  /** The `status` attribute, when present and numeric. */
  status: number | undefined;
  /** The node value, verbatim. */
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => name === 'error',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const ErrorNodeSchema = z.union([
  z.string(),
  z.object({ '#text': z.union([z.string(), z.number()]).optional(), '@_status': z.string().optional() }).loose(),
]);
const ErrorsDocumentSchema = z.object({ errors: z.object({ error: z.array(ErrorNodeSchema).min(1) }) }).loose();

/**
 * A well-formed body as the parser's object tree; undefined otherwise. The parser also throws
 * on documents it refuses to expand (a DOCTYPE declaring an external entity, say), and a
 * hostile body must end as "not an IOVOX document", never as an exception.
 */
function parseXml(body: string): unknown {
  if (body.trim() === '' || XMLValidator.validate(body) !== true) return undefined;
  try {
    return parser.parse(body);
  } catch {
    return undefined;
  }
}

/** `<errors><error status="…">…</error>…</errors>` → every error; undefined when the body is not that document. */
export function parseIovoxErrors(body: string): IovoxVendorError[] | undefined {
  const parsed = ErrorsDocumentSchema.safeParse(parseXml(body));
  if (!parsed.success) return undefined;
  return parsed.data.errors.error.map((node) =>
    typeof node === 'string'
      ? { status: undefined, text: node }
      : { status: node['@_status'] !== undefined && /^\d{3}$/.test(node['@_status']) ? Number(node['@_status']) : undefined, text: String(node['#text'] ?? '') },
  );
}

const CallDataDocumentSchema = z.object({ response: z.unknown() }).loose();

/** A getCallData answer is a `<response>` document; anything else is not the IOVOX API. */
export function isCallDataDocument(body: string): boolean {
  return CallDataDocumentSchema.safeParse(parseXml(body)).success;
}
