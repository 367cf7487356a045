import { z } from 'zod';

/**
 * GWS payloads as the adapter reads them. Parsing is tolerant: every optional field falls
 * back to `undefined` when it has an unexpected shape, unknown fields (`metrics`,
 * `extensions`, `case`, ...) are dropped, and only what the adapter cannot work without
 * (a call's `id` and `state`) makes a payload invalid (vendors/genesys.md §6 rule 5).
 */

const optionalString = z.string().optional().catch(undefined);

/** Newer builds send participants as objects, older ones as plain strings. */
const ParticipantSchema = z.union([
  z.string(),
  z
    .object({ digits: optionalString, phoneNumber: optionalString, formattedPhoneNumber: optionalString, e164Number: optionalString })
    .transform((p) => p.digits || p.phoneNumber || p.formattedPhoneNumber || p.e164Number || ''),
]);

const ParticipantsSchema = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = ParticipantSchema.safeParse(item);
      return parsed.success && parsed.data !== '' ? [parsed.data] : [];
    }),
  );

export const GwsCallSchema = z.object({
  id: z.string().min(1),
  state: z.string().min(1),
  deviceUri: optionalString,
  dnis: optionalString,
  ani: optionalString,
  callType: optionalString,
  participants: ParticipantsSchema.optional().transform((value) => value ?? []),
  /** Absent or malformed means "not known", which is not the same as "nothing allowed". */
  capabilities: z.array(z.string()).optional().catch(undefined),
  /** Seconds, sent as a string. */
  duration: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int().nonnegative()).optional().catch(undefined),
});
export type GwsCall = z.infer<typeof GwsCallSchema>;

export const CallStateChangeMessageSchema = z.object({
  messageType: z.literal('CallStateChangeMessage'),
  notificationType: optionalString,
  call: GwsCallSchema,
  /** Present on `notificationType: "Error"`. */
  errorMessage: optionalString,
  errorCode: z.union([z.string(), z.number()]).optional().catch(undefined),
});

export const ErrorMessageSchema = z.object({
  messageType: z.literal('ErrorMessage'),
  errorMessage: optionalString,
  errorCode: z.union([z.string(), z.number()]).optional().catch(undefined),
  call: GwsCallSchema.optional().catch(undefined),
});

const UserStateSchema = z.object({ state: optionalString });

const GwsDeviceSchema = z.object({
  id: z.string().min(1),
  phoneNumber: optionalString,
  deviceState: optionalString,
  userState: UserStateSchema.optional().catch(undefined),
});

/** Keeps the valid items of a list and counts the others, so one bad item never hides the rest. */
function tolerantArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((items) => {
      const valid: z.infer<T>[] = [];
      let invalid = 0;
      for (const raw of items ?? []) {
        const parsed = item.safeParse(raw);
        if (parsed.success) valid.push(parsed.data);
        else invalid += 1;
      }
      return { valid, invalid };
    });
}

export const DeviceStateChangeMessageSchema = z.object({
  messageType: z.literal('DeviceStateChangeMessage'),
  devices: tolerantArray(GwsDeviceSchema),
});

export const MessageTypeSchema = z.object({ messageType: z.string() });

const SkillSchema = z.object({ id: optionalString, name: z.string().min(1), level: z.number().optional().catch(undefined) });

/** `GET /api/v2/me?subresources=*`. */
export const MeResponseSchema = z.object({
  user: z.object({
    userName: optionalString,
    devices: tolerantArray(GwsDeviceSchema),
    calls: tolerantArray(GwsCallSchema),
    skills: tolerantArray(SkillSchema),
  }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** `GET /api/v2/me/calls?fields=*`. */
export const CallsResponseSchema = z.object({ calls: tolerantArray(GwsCallSchema) });

/** Every GWS reply carries an integer `statusCode`; non-zero adds `statusMessage`. */
export const StatusEnvelopeSchema = z.object({
  statusCode: z.number().int(),
  statusMessage: optionalString,
});
