import { z } from 'zod';
import { parseJson, type EmulatorResponse, type Route } from '../framework/emulatorServer';
import type { OracleControl } from './oracleEmulator';

const ms = z.number().int().min(0).max(86_400_000);
const SettingsSchema = z
  .object({
    timings: z.object({ answerAfterMs: ms, callDurationMs: ms, busyAfterMs: ms, noAnswerAfterMs: ms }).partial().strict().optional(),
    timeScale: z.number().positive().max(1_000_000).optional(),
    legacyQuirks: z.boolean().optional(),
  })
  .strict();
const TemplateSchema = z
  .object({
    agentPhone: z.string().regex(/^[0-9]{6,15}$/),
    agentExtension: z.string().max(32),
    preAuth: z.enum(['allow', 'deny']),
    optionalDefaults: z.record(z.string().regex(/^var(?:[1-9]|10)$/), z.string()),
    labels: z.record(z.string().min(1).max(32), z.string().regex(/^var(?:[1-9]|10)$/)),
    callAgentFirstAllowed: z.boolean(),
  })
  .partial()
  .strict();
const OutcomeSchema = z.object({ userPhone: z.string().regex(/^[0-9]{6,15}$/), outcome: z.enum(['answer', 'busy', 'no-answer', 'invalid']) }).strict();
const StartFailureSchema = z.object({ times: z.number().int().min(1).max(1000).default(1) }).strict();
const ClockSchema = z.object({ advanceMs: z.number().int().positive().max(31_536_000_000) }).strict();

function withBody<T>(schema: z.ZodType<T>, rawBody: string, apply: (value: T) => void): EmulatorResponse {
  const parsed = schema.safeParse(parseJson(rawBody === '' ? '{}' : rawBody));
  if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message ?? 'invalid body' } };
  apply(parsed.data);
  return { status: 204 };
}

/** `/__sandbox/*` routes of the Oracle emulator (not part of Oracle): the typed control over HTTP. */
export function oracleControlRoutes(control: OracleControl, exists: (sessionId: string) => boolean): Route[] {
  return [
    { method: 'GET', path: '/__sandbox/sessions', handler: () => ({ status: 200, body: { sessions: control.sessions() } }) },
    {
      method: 'GET',
      path: '/__sandbox/sessions/:sessionId',
      handler: (req) => {
        const session = control.session(req.params.sessionId ?? '');
        return session ? { status: 200, body: session } : { status: 404, body: { error: 'no such session' } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/sessions/:sessionId/:action',
      handler: (req) => {
        const sessionId = req.params.sessionId ?? '';
        const action = z.enum(['connect', 'disconnect', 'fail']).safeParse(req.params.action);
        if (!action.success) return { status: 400, body: { error: 'action must be connect, disconnect or fail' } };
        if (!exists(sessionId)) return { status: 404, body: { error: 'no such session' } };
        return control.act(sessionId, action.data) ? { status: 204 } : { status: 409, body: { error: `cannot ${action.data} this session now` } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/templates/:contactId',
      handler: (req) => withBody(TemplateSchema, req.rawBody, (template) => control.upsertTemplate(req.params.contactId ?? '', template)),
    },
    {
      method: 'POST',
      path: '/__sandbox/outcomes',
      handler: (req) => withBody(OutcomeSchema, req.rawBody, (body) => control.scriptOutcome(body.userPhone, body.outcome)),
    },
    {
      method: 'POST',
      path: '/__sandbox/start-failure',
      handler: (req) => withBody(StartFailureSchema, req.rawBody, (body) => control.failNextStart(body.times)),
    },
    { method: 'POST', path: '/__sandbox/clock', handler: (req) => withBody(ClockSchema, req.rawBody, (body) => control.advance(body.advanceMs)) },
    { method: 'POST', path: '/__sandbox/settings', handler: (req) => withBody(SettingsSchema, req.rawBody, (body) => control.configure(body)) },
  ];
}
