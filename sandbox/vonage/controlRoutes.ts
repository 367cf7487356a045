import { z } from 'zod';
import type { EmulatorResponse, Route } from '../framework/emulatorServer';
import { parseJson } from '../framework/emulatorServer';
import { VonageControlError, type VonageControl } from './control';

const PartySchema = z.enum(['Originator', 'Destination']);
const ResultSchema = z.object({ code: z.enum(['Success', 'Failure']), party: PartySchema, reason: z.string().min(1) });

const FinishSchema = z.object({ result: ResultSchema, dispositionCode: z.string().nullable().optional() });
const HangUpSchema = z.object({ party: PartySchema.optional() });
const AgentSchema = z.object({ busy: z.boolean().optional(), loggedIn: z.boolean().optional() });
const AccountSchema = z.object({ ccxmlEnabled: z.boolean().optional() });
const ForceSchema = z.object({
  status: z.number().int().min(400).max(599),
  message: z.string().optional(),
  on: z.enum(['create', 'detail', 'recording', 'any']).optional(),
  times: z.number().int().min(1).max(1000).optional(),
});
const FarEndSchema = z.object({
  destination: z.string().min(1),
  outcome: z.enum(['answer', 'busy', 'no-answer', 'invalid']),
  afterMs: z.number().int().min(0).optional(),
});

/** Parses the control body, runs the operation, and turns control errors into 4xx answers. */
function controlHandler<T>(schema: z.ZodType<T>, operation: (body: T, params: Record<string, string>) => unknown): Route['handler'] {
  return (req) => {
    const parsed = schema.safeParse(req.rawBody === '' ? {} : parseJson(req.rawBody));
    if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'invalid body' } };
    try {
      const result = operation(parsed.data, req.params);
      return result === undefined ? { status: 204 } : { status: 200, body: result };
    } catch (error) {
      if (error instanceof VonageControlError) return { status: 404, body: { error: error.message } } satisfies EmulatorResponse;
      throw error;
    }
  };
}

/** The control API over HTTP (vendors/vonage.md §7); `/__sandbox/reset` is the framework's. */
export function controlRoutes(control: VonageControl): Route[] {
  return [
    { method: 'GET', path: '/__sandbox/calls', handler: () => ({ status: 200, body: { calls: control.calls() } }) },
    {
      method: 'POST',
      path: '/__sandbox/calls/:callId/finish',
      handler: controlHandler(FinishSchema, (body, params) => control.finishCall(params.callId ?? '', body.result, body.dispositionCode ?? null)),
    },
    {
      method: 'POST',
      path: '/__sandbox/calls/:callId/hangup',
      handler: controlHandler(HangUpSchema, (body, params) => control.hangUp(params.callId ?? '', body.party)),
    },
    {
      method: 'POST',
      path: '/__sandbox/agents/:agentId',
      handler: controlHandler(AgentSchema, (body, params) => control.setAgent(params.agentId ?? '', body)),
    },
    {
      method: 'POST',
      path: '/__sandbox/accounts/:accountKey',
      handler: controlHandler(AccountSchema, (body, params) => control.setAccount(params.accountKey ?? '', body)),
    },
    { method: 'POST', path: '/__sandbox/force', handler: controlHandler(ForceSchema, (body) => control.force(body)) },
    {
      method: 'POST',
      path: '/__sandbox/tokens/expire',
      handler: controlHandler(z.object({}), () => ({ expired: control.expireTokens() })),
    },
    {
      method: 'POST',
      path: '/__sandbox/far-end',
      handler: controlHandler(FarEndSchema, (body) => control.scriptFarEnd(body.destination, body.outcome, body.afterMs)),
    },
  ];
}
