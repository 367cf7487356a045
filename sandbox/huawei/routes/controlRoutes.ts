import type { EmulatorResponse, Route } from '../../framework/emulatorServer';
import { parseJson } from '../../framework/emulatorServer';
import { BurstSpecSchema, EventInjectionSchema, type ControlResult, type HuaweiControl } from '../control';
import { HuaweiSettingsPatchSchema } from '../options';

/**
 * `/__sandbox/…` routes of the Huawei emulator (not part of the vendor API): the same controls
 * as the typed `control` object, for the CLI, curl and out-of-process tests.
 */
export function controlRoutes(control: HuaweiControl): Route[] {
  const agentAction = (action: string, act: (agentId: string) => ControlResult): Route => ({
    method: 'POST',
    path: `/__sandbox/agents/:agentid/${action}`,
    handler: (req) => fromResult(act(req.params.agentid ?? '')),
  });
  return [
    agentAction('answer', control.answer),
    agentAction('busy', control.busy),
    agentAction('agent-noanswer', control.agentNoAnswer),
    agentAction('customer-hangup', control.customerHangup),
    agentAction('expire-guid', control.expireGuid),
    agentAction('rotate-guid', control.rotateGuid),
    agentAction('force-signout', control.forceSignOut),
    {
      method: 'POST',
      path: '/__sandbox/agents/:agentid/events',
      handler: (req) => {
        const injection = EventInjectionSchema.safeParse(parseJson(req.rawBody));
        if (!injection.success) return badRequest('Send {"event": …}, {"body": …} or {"raw": "…"}.');
        return fromResult(control.injectEvent(req.params.agentid ?? '', injection.data));
      },
    },
    {
      method: 'GET',
      path: '/__sandbox/agents/:agentid',
      handler: (req) => {
        const snapshot = control.agent(req.params.agentid ?? '');
        return snapshot ? { status: 200, body: snapshot } : { status: 404, body: { error: `Unknown agent ${req.params.agentid ?? ''}.` } };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/burst',
      handler: (req) => {
        const spec = BurstSpecSchema.safeParse(parseJson(req.rawBody));
        if (!spec.success) return badRequest(spec.error.issues[0]?.message ?? 'invalid burst');
        return { status: 200, body: control.burst(spec.data) };
      },
    },
    {
      method: 'POST',
      path: '/__sandbox/options',
      handler: (req) => {
        const patch = HuaweiSettingsPatchSchema.safeParse(parseJson(req.rawBody));
        if (!patch.success) return badRequest(patch.error.issues[0]?.message ?? 'invalid options');
        control.configure(patch.data);
        return { status: 204 };
      },
    },
  ];
}

function fromResult(result: ControlResult): EmulatorResponse {
  if (!result.ok) return { status: result.status, body: { error: result.error } };
  return { status: 200, body: { applied: result.applied, ...(result.callId ? { callId: result.callId } : {}) } };
}

const badRequest = (error: string): EmulatorResponse => ({ status: 400, body: { error } });
