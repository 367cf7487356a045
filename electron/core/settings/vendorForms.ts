import { z } from 'zod';
import { VENDOR_LABELS } from '../../../shared/callModel';
import { FieldValueSchema, type FieldSpec, type VendorForm } from '../../../shared/settings';
import { secretFieldsOf, vendorProfileSchemas, type VendorProfileSchema } from '../profiles/vendorProfiles';

/** Words for the profile fields the vendors' schemas declare; unknown keys are spelled out from their name. */
const FIELD_WORDS: Readonly<Record<string, { label: string; help?: string }>> = {
  id: { label: 'Profile ID', help: 'Letters, digits, - or _; it cannot be changed later.' },
  label: { label: 'Name shown', help: 'What the profile list shows, e.g. “Genesys EU”.' },
  baseUrl: { label: 'Server address', help: 'The vendor API’s base URL, e.g. https://gws.example:8090.' },
  username: { label: 'User name' },
  password: { label: 'Password' },
  deviceId: { label: 'Device ID', help: 'Which of your devices to dial from; the first one when empty.' },
  initialState: { label: 'State after sign-in' },
  agentId: { label: 'Agent ID' },
  phoneNumber: { label: 'Agent phone (phonenum)', help: 'The phone bound to the agent at sign-in.' },
  allowSelfSignedTls: { label: 'Trust the server’s self-signed certificate' },
  forceSignIn: { label: 'Take over a sign-in made elsewhere' },
  accountKey: { label: 'Account key' },
  apiToken: { label: 'API token' },
  numberFormat: { label: 'Number format sent' },
  pollIntervalMs: { label: 'Call poll interval (ms)' },
  requestTimeoutMs: { label: 'Request timeout (ms)' },
  secureKey: { label: 'Secure key' },
  linkId: { label: 'Link ID' },
  contactId: { label: 'Contact ID' },
  authorizeUrl: { label: 'Authorize URL' },
  authEncrypted: { label: 'Authorize URL is already encrypted' },
  callAgentFirst: { label: 'Call the agent first' },
  statusPollMs: { label: 'Status poll interval (ms)' },
  scheduledPollMs: { label: 'Scheduled call poll interval (ms)' },
};

export function fieldLabel(key: string): string {
  return FIELD_WORDS[key]?.label ?? spellOut(key);
}

function spellOut(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The parts of a JSON Schema property the form needs, read defensively. */
const JsonPropertySchema = z.object({
  type: z.string().optional(),
  format: z.string().optional(),
  enum: z.array(z.string()).optional(),
  default: FieldValueSchema.optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});

const JsonObjectSchema = z.object({
  properties: z.record(z.string(), z.unknown()),
  required: z.array(z.string()).default([]),
});

/**
 * The Settings form of one vendor, derived from its profile schema (zod → JSON Schema) so
 * the form cannot drift from what the loader accepts. Secret fields are listed apart: the
 * form takes them write-only.
 */
export function vendorForm(schema: VendorProfileSchema): VendorForm {
  const vendor = schema.shape.vendor.value;
  const secrets = secretFieldsOf(schema);
  const json = JsonObjectSchema.parse(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  const fields: FieldSpec[] = [];
  for (const [key, value] of Object.entries(json.properties)) {
    if (key === 'vendor' || secrets.includes(key)) continue;
    const property = JsonPropertySchema.safeParse(value);
    if (!property.success) continue;
    const words = FIELD_WORDS[key];
    fields.push({
      key,
      label: fieldLabel(key),
      kind: kindOf(property.data),
      required: json.required.includes(key),
      ...(property.data.enum ? { choices: property.data.enum } : {}),
      ...(property.data.default !== undefined ? { default: property.data.default } : {}),
      ...(property.data.minimum !== undefined ? { min: property.data.minimum } : {}),
      ...(property.data.maximum !== undefined ? { max: property.data.maximum } : {}),
      ...(words?.help ? { help: words.help } : {}),
    });
  }
  return { vendor, vendorLabel: VENDOR_LABELS[vendor], fields, secrets: secrets.map((key) => ({ key, label: fieldLabel(key) })) };
}

function kindOf(property: z.infer<typeof JsonPropertySchema>): FieldSpec['kind'] {
  if (property.enum) return 'choice';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'integer' || property.type === 'number') return 'integer';
  if (property.format === 'uri') return 'url';
  return 'text';
}

export function allVendorForms(): VendorForm[] {
  return [...vendorProfileSchemas().values()].map(vendorForm);
}
