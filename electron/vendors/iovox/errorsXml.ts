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

/** `<errors><error status="…">…</error>…</errors>` → every error; undefined when the body is not that document. */
export function parseIovoxErrors(body: string): IovoxVendorError[] | undefined {
  if (body.trim() === '' || XMLValidator.validate(body) !== true) return undefined;
  const parsed = ErrorsDocumentSchema.safeParse(parser.parse(body));
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
  if (body.trim() === '' || XMLValidator.validate(body) !== true) return false;
  return CallDataDocumentSchema.safeParse(parser.parse(body)).success;
}
