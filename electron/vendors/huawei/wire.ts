import { z } from 'zod';

/**
 * The gateway's payloads as the adapter reads them (vendors/huawei.md §1, §4, §6 rule 2–3).
 * Old gateways send numbers and booleans as strings, newer ones as JSON values, some send
 * `msg` instead of `message`; every variant is documented, so every variant is read.
 */

const WireScalarSchema = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value).trim());

const EnvelopeWireSchema = z.object({
  retcode: WireScalarSchema,
  message: z.string().nullish().catch(undefined),
  msg: z.string().nullish().catch(undefined),
  result: z.unknown().optional(),
  event: z.unknown().optional(),
});

/** `{"message","retcode","result"}` of every operation; `event` on event polls. */
export interface GatewayEnvelope {
  /** Compared as a string: `"0"` is success. */
  retcode: string;
  message: string;
  result: unknown;
  /** `null` when the poll ended without an event. */
  event: unknown;
}

export function parseEnvelope(body: string): GatewayEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = EnvelopeWireSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { retcode, message, msg, result, event } = parsed.data;
  return { retcode, message: message ?? msg ?? '', result, event: event ?? null };
}

export const AgentEventSchema = z.object({
  eventType: z.string().trim().min(1),
  workNo: WireScalarSchema.optional().catch(undefined),
  /** null, an object, or a bare call id string, depending on the event type. */
  content: z.unknown().optional(),
});
export type AgentEvent = z.infer<typeof AgentEventSchema>;

const ContentObjectSchema = z.record(z.string(), z.unknown());

/** A field of an object `content`, by name case-insensitively, as trimmed text; empty counts as absent. */
export function contentField(content: unknown, name: string): string | undefined {
  const object = ContentObjectSchema.safeParse(content);
  if (!object.success) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(object.data)) {
    if (key.toLowerCase() !== wanted) continue;
    const scalar = WireScalarSchema.safeParse(value);
    if (scalar.success && scalar.data !== '') return scalar.data;
  }
  return undefined;
}

/** The call id of an event: a bare string `content`, or `callid` / `callId` of an object. */
export function contentCallId(content: unknown): string | undefined {
  if (typeof content === 'string' || typeof content === 'number') {
    const id = String(content).trim();
    return id === '' ? undefined : id;
  }
  return contentField(content, 'callid');
}

/** The callout / callinner `result`: the new call's id. */
export function parseCallId(result: unknown): string | undefined {
  const parsed = WireScalarSchema.safeParse(result);
  return parsed.success && parsed.data !== '' ? parsed.data : undefined;
}

export interface GatewayCallInfo {
  callId: string;
  caller: string | undefined;
  called: string | undefined;
}

/** `GET /calldata/{agentid}/callinfo`: the agent's current call, or undefined when there is none. */
export function parseCallInfo(result: unknown): GatewayCallInfo | undefined {
  const callId = contentField(result, 'callid');
  if (callId === undefined) return undefined;
  return { callId, caller: contentField(result, 'caller'), called: contentField(result, 'called') };
}

export interface GatewaySkill {
  id: string;
  name: string;
}

/**
 * `GET /onlineagent/{agentid}/agentskills`: `[{"skillId":25,"skillName":"voice"}]`. Items
 * without an id are dropped; a missing name falls back to the id.
 */
export function parseSkills(result: unknown): GatewaySkill[] | undefined {
  const list = z.array(z.unknown()).safeParse(result);
  if (!list.success) return undefined;
  return list.data.flatMap((item) => {
    const id = contentField(item, 'skillId') ?? contentField(item, 'id');
    if (id === undefined) return [];
    return [{ id, name: contentField(item, 'skillName') ?? contentField(item, 'name') ?? id }];
  });
}
