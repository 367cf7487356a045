import { z } from 'zod';
import { parseJson, type EmulatorResponse, type Route } from '../../framework/emulatorServer';
import { ControlError, type FarEndAction } from '../tserver/tserver';
import { SettingsPatchSchema, type GenesysControl } from './control';

const FAR_END_ACTIONS = ['answer', 'busy', 'noanswer', 'remote-hangup'] as const satisfies readonly FarEndAction[];

const InboundBodySchema = z.object({ from: z.string().min(1), user: z.string().min(1).optional() }).strict();
const ErrorBodySchema = z.object({ callId: z.string().min(1), errorMessage: z.string().min(1), errorCode: z.number().int().optional() }).strict();
const ExpireBodySchema = z.object({ user: z.string().min(1).optional() }).strict();
const BurstBodySchema = z
  .object({ calls: z.number(), eventsPerCall: z.number(), ratePerSecond: z.number().optional(), user: z.string().optional() })
  .strict();

/** Runs a control action, turning `ControlError`s and bad bodies into `{error}` replies. */
function attempt(action: () => EmulatorResponse): EmulatorResponse {
  try {
    return action();
  } catch (error) {
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}

function bodyOf<T>(schema: z.ZodType<T>, rawBody: string): T {
  const parsed = schema.safeParse(rawBody.trim() === '' ? {} : parseJson(rawBody));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ControlError(400, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
  }
  return parsed.data;
}

/** `/__sandbox/…` routes of the Genesys emulator (not part of GWS); see sandbox/README.md. */
export function controlRoutes(control: GenesysControl): Route[] {
  return [
    {
      method: 'POST',
      path: new RegExp(`^/__sandbox/calls/(?<callId>[^/]+)/(?<action>${FAR_END_ACTIONS.join('|')})/?$`),
      handler: (req) =>
        attempt(() => {
          const action = FAR_END_ACTIONS.find((name) => name === req.params.action);
          if (!action) throw new ControlError(404, `Unknown far-end action '${req.params.action ?? ''}'`);
          return { status: 200, body: { call: control.farEnd(req.params.callId ?? '', action) } };
        }),
    },
    {
      method: 'POST',
      path: '/__sandbox/inbound',
      handler: (req) =>
        attempt(() => {
          const body = bodyOf(InboundBodySchema, req.rawBody);
          return { status: 201, body: { call: control.inbound(body.from, body.user) } };
        }),
    },
    {
      method: 'POST',
      path: '/__sandbox/error',
      handler: (req) =>
        attempt(() => {
          const body = bodyOf(ErrorBodySchema, req.rawBody);
          return { status: 200, body: { call: control.fail(body.callId, body.errorMessage, body.errorCode) } };
        }),
    },
    {
      method: 'POST',
      path: '/__sandbox/drop-event-stream',
      handler: () => ({ status: 200, body: { dropped: control.dropEventStream() } }),
    },
    {
      method: 'POST',
      path: '/__sandbox/expire-session',
      handler: (req) =>
        attempt(() => {
          const body = bodyOf(ExpireBodySchema, req.rawBody);
          return { status: 200, body: { expired: control.expireSession(body.user) } };
        }),
    },
    {
      method: 'POST',
      path: '/__sandbox/burst',
      handler: (req) =>
        attempt(() => {
          const body = bodyOf(BurstBodySchema, req.rawBody);
          const run = control.emitBurst({ calls: body.calls, eventsPerCall: body.eventsPerCall, ratePerSecond: body.ratePerSecond, userName: body.user });
          return { status: 202, body: { callIds: run.callIds, totalEvents: run.totalEvents } };
        }),
    },
    { method: 'GET', path: '/__sandbox/calls', handler: () => ({ status: 200, body: { calls: control.calls() } }) },
    {
      method: 'GET',
      path: '/__sandbox/events',
      handler: (req) => ({ status: 200, body: { events: control.events(req.query.get('callId') ?? undefined) } }),
    },
    { method: 'GET', path: '/__sandbox/settings', handler: () => ({ status: 200, body: { settings: control.settings() } }) },
    {
      method: 'POST',
      path: '/__sandbox/settings',
      handler: (req) => attempt(() => ({ status: 200, body: { settings: control.settings(bodyOf(SettingsPatchSchema, req.rawBody)) } })),
    },
  ];
}
