import { z } from 'zod';
import { parseJson } from '../framework/emulatorServer';
import { VCC_MESSAGES, unsupportedContentType } from './messages';

const ConsentSchema = z.enum(['Unknown', 'OneParty', 'TwoParty']);
const text = z.string().nullish();

const CallRequestBodySchema = z.object({
  from: z
    .object({
      agentId: text,
      groups: z.array(z.string()).nullish(),
      presentedCLID: text,
      consent: ConsentSchema.nullish(),
      telephoneNumber: text,
    })
    .nullish(),
  to: z.object({ telephoneNumber: text, agentId: text, consent: ConsentSchema.nullish() }).nullish(),
  regarding: z.object({ reference: text }).nullish(),
  application: text,
});

/** The JSON property names VCC binds; like its .NET binder, matching ignores case. */
const KNOWN_PROPERTIES: PropertyShape = {
  from: { agentId: true, groups: true, presentedCLID: true, consent: true, telephoneNumber: true },
  to: { telephoneNumber: true, agentId: true, consent: true },
  regarding: { reference: true },
  application: true,
};
type PropertyShape = { [name: string]: PropertyShape | true };

function canonicalProperties(value: unknown, shape: PropertyShape | true): unknown {
  if (shape === true || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = Object.keys(shape).find((known) => known.toLowerCase() === key.toLowerCase());
    const innerShape = name === undefined ? undefined : shape[name];
    if (name !== undefined && innerShape !== undefined) result[name] = canonicalProperties(inner, innerShape);
  }
  return result;
}

export type Consent = z.infer<typeof ConsentSchema>;

/** A request that passed the documented field rules; `from` is exactly one of agent or groups. */
export interface CallRequest {
  from: ({ agentId: string } | { groups: string[] }) & { presentedCLID?: string; consent?: Consent };
  to: ({ telephoneNumber: string } | { agentId: string }) & { consent?: Consent };
  reference?: string;
  application?: string;
}

export type RuleOutcome = { ok: true; request: CallRequest } | { ok: false; status: 400 | 415; message: string };

const reject = (message: string): RuleOutcome => ({ ok: false, status: 400, message });
const present = (value: string | null | undefined): value is string => value !== undefined && value !== null && value !== '';

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const DIGITS = /^[0-9]+$/;
const DIALLABLE = /^\+?[0-9]{3,}$/;

function isReference(value: string): boolean {
  if (ALPHANUMERIC.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The media type without parameters (`version=6`, `charset` are allowed, as in the curl examples). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim() ?? '';
}

/**
 * Steps 1–5 of the validation order in vendors/vonage.md §7: the checks that need only the
 * request. First failure wins.
 */
export function checkCallRequest(contentType: string | undefined, rawBody: string): RuleOutcome {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType.toLowerCase() !== 'application/json') {
    return { ok: false, status: 415, message: unsupportedContentType(mediaType || 'application/octet-stream') };
  }
  const json = parseJson(rawBody);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return reject(VCC_MESSAGES.requestInvalid);
  const parsed = CallRequestBodySchema.safeParse(canonicalProperties(json, KNOWN_PROPERTIES));
  if (!parsed.success) return reject(VCC_MESSAGES.requestInvalid);
  const { from, to, regarding, application } = parsed.data;

  const fromAgent = from?.agentId;
  const groups = from?.groups && from.groups.length > 0 ? from.groups : undefined;
  if (present(fromAgent) && groups) return reject(VCC_MESSAGES.requestInvalid);

  if (present(from?.telephoneNumber)) return reject(VCC_MESSAGES.telephoneNumberNotSupported);
  const origin = present(fromAgent) ? { agentId: fromAgent } : groups ? { groups } : undefined;
  if (!origin) return reject(VCC_MESSAGES.agentIdRequired);

  const agentIds = [fromAgent, to?.agentId].filter(present);
  if (agentIds.some((id) => !DIGITS.test(id))) return reject(VCC_MESSAGES.agentIdNotDigits);
  if (agentIds.some((id) => id.length > 11)) return reject(VCC_MESSAGES.agentIdTooLong);

  const destination = destinationOf(to?.telephoneNumber, to?.agentId);
  if (typeof destination === 'string') return reject(destination);

  const reference = regarding?.reference ?? undefined;
  if (reference !== undefined && reference.length > 2000) return reject(VCC_MESSAGES.referenceTooLong);
  if (reference !== undefined && !isReference(reference)) return reject(VCC_MESSAGES.referenceInvalid);
  const app = application ?? undefined;
  if (app !== undefined && app.length > 32) return reject(VCC_MESSAGES.applicationTooLong);
  if (app !== undefined && !ALPHANUMERIC.test(app)) return reject(VCC_MESSAGES.applicationNotAlphanumeric);

  return {
    ok: true,
    request: {
      from: {
        ...origin,
        ...(present(from?.presentedCLID) ? { presentedCLID: from.presentedCLID } : {}),
        ...(from?.consent ? { consent: from.consent } : {}),
      },
      to: { ...destination, ...(to?.consent ? { consent: to.consent } : {}) },
      ...(reference !== undefined ? { reference } : {}),
      ...(app !== undefined ? { application: app } : {}),
    },
  };
}

/** Step 4: exactly one destination, and a telephone number VCC could dial. Returns the 400 message otherwise. */
function destinationOf(
  number: string | null | undefined,
  agentId: string | null | undefined,
): { telephoneNumber: string } | { agentId: string } | string {
  if (present(number) && present(agentId)) return VCC_MESSAGES.destinationAmbiguous;
  if (present(agentId)) return { agentId };
  if (!present(number)) return VCC_MESSAGES.destinationRequired;
  if (number.length > 30) return VCC_MESSAGES.telephoneNumberTooLong;
  if (!DIALLABLE.test(number)) return VCC_MESSAGES.numberInvalid;
  return { telephoneNumber: number };
}
