import { z } from 'zod';
import type { EmulatorResponse } from '../../framework/emulatorServer';
import type { CallOperation } from '../calls/capabilities';
import { invalidParameter, missingParameter } from '../gwsReplies';

const UserDataSchema = z.record(z.string(), z.unknown());

export const DialBodySchema = z.object({
  operationName: z.literal('Dial'),
  destination: z.object({ phoneNumber: z.string().min(1) }),
  location: z.string().optional(),
  userData: UserDataSchema.optional(),
  outboundCallerId: z.string().optional(),
});
export type DialBody = z.infer<typeof DialBodySchema>;

export const OperationBodySchema = z.object({ operationName: z.string().min(1) });

export const ContactCenterSessionBodySchema = z.discriminatedUnion('operationName', [
  z.object({ operationName: z.literal('StartContactCenterSession'), channels: z.array(z.string().min(1)).min(1) }),
  z.object({ operationName: z.literal('EndContactCenterSession') }),
]);

const PARAMETERLESS_OPERATIONS = [
  'Answer',
  'Hangup',
  'Hold',
  'Retrieve',
  'ClearCall',
  'DeleteUserData',
  'InitiateTransfer',
  'InitiateConference',
  'SingleStepTransfer',
  'SingleStepConference',
] as const satisfies readonly CallOperation[];

/** A call operation with the parameters it needs beyond `operationName`. */
export const CallCommandSchema = z.discriminatedUnion('operationName', [
  z.object({ operationName: z.literal('SendDtmf'), digits: z.string().regex(/^[0-9*#]+$/) }),
  z.object({ operationName: z.enum(['UpdateUserData', 'AttachUserData']), userData: UserDataSchema }),
  z.object({ operationName: z.literal('DeleteUserDataPair'), key: z.string().min(1) }),
  z.object({ operationName: z.enum(PARAMETERLESS_OPERATIONS) }),
]);
export type CallCommand = z.infer<typeof CallCommandSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: EmulatorResponse };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(body: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = body;
  for (const key of path) value = isRecord(value) ? value[String(key)] : undefined;
  return value;
}

/**
 * Validates a request body the way GWS answers: a missing (or empty) parameter is
 * statusCode 1, a present but unusable one statusCode 2. The parameter is named by its
 * top-level field, so a missing `destination.phoneNumber` reads "'destination' is missing".
 * A body that is not a JSON object counts as having no parameters.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const fields = isRecord(body) ? body : {};
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const name = String(path[0] ?? 'operationName');
  const value = valueAt(fields, path);
  const missing = value === undefined || value === null || value === '';
  return { ok: false, response: missing ? missingParameter(name) : invalidParameter(name) };
}
