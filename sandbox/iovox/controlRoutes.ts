import { z } from 'zod';
import { parseJson, type EmulatorResponse, type Route } from '../framework/emulatorServer';
import type { IovoxControl } from './iovoxEmulator';

const FarEndOutcomeSchema = z.enum(['answer', 'busy', 'no-answer', 'invalid']);

const ForceSchema = z.object({ status: z.literal(500), times: z.number().int().min(1).max(1000).default(1) }).strict();
const ClockSchema = z.object({ advanceMinutes: z.number().positive().max(525_600) }).strict();
const CallLimitSchema = z
  .object({ maxCalls: z.number().int().min(0).max(1_000_000).optional(), windowMs: z.number().int().min(1).max(86_400_000).optional() })
  .strict();
const LinkSchema = z
  .object({
    hasCallingRules: z.boolean().optional(),
    requiredVariables: z.array(z.string().min(1).max(64)).max(50).optional(),
    optionalVariables: z.array(z.string().min(1).max(64)).max(50).optional(),
  })
  .strict();
const OutcomeSchema = z.object({ destination: z.string().regex(/^[0-9]{1,20}$/), outcome: FarEndOutcomeSchema }).strict();

function withBody<T>(schema: z.ZodType<T>, rawBody: string, apply: (value: T) => void): EmulatorResponse {
  const parsed = schema.safeParse(parseJson(rawBody === '' ? '{}' : rawBody));
  if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'invalid body' } };
  apply(parsed.data);
  return { status: 204 };
}

/** `/__sandbox/*` routes of the IOVOX emulator (not part of IOVOX): the typed control over HTTP. */
export function iovoxControlRoutes(control: IovoxControl): Route[] {
  return [
    { method: 'GET', path: '/__sandbox/calls', handler: () => ({ status: 200, body: { calls: control.calls() } }) },
    {
      method: 'POST',
      path: '/__sandbox/force',
      handler: (req) => withBody(ForceSchema, req.rawBody, (body) => control.failNext(body.times)),
    },
    {
      method: 'POST',
      path: '/__sandbox/clock',
      handler: (req) => withBody(ClockSchema, req.rawBody, (body) => control.advanceMinutes(body.advanceMinutes)),
    },
    {
      method: 'POST',
      path: '/__sandbox/call-limit',
      handler: (req) => withBody(CallLimitSchema, req.rawBody, (body) => control.setCallLimit(body)),
    },
    {
      method: 'POST',
      path: '/__sandbox/links/:linkId',
      handler: (req) =>
        withBody(LinkSchema, req.rawBody, (body) => control.upsertLink({ linkId: req.params.linkId ?? '', ...body })),
    },
    {
      method: 'POST',
      path: '/__sandbox/outcomes',
      handler: (req) => withBody(OutcomeSchema, req.rawBody, (body) => control.scriptOutcome(body.destination, body.outcome)),
    },
  ];
}
