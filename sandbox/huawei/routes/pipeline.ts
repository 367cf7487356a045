import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorRequest, RouteHandler } from '../../framework/emulatorServer';
import type { HuaweiGateway } from '../gateway';
import { RETCODE } from '../retcodes';
import type { AgentSession } from '../session';
import { isAgentId, reject } from '../validation';
import { toResponse, type Outcome } from './envelope';

export const BASE_PATH = '/agentgateway/resource';

export interface OperationContext {
  req: EmulatorRequest;
  session: AgentSession;
  now: number;
}

/**
 * The path every agent operation takes: agent id in range (000-002), GUID (000-003 / 100-006),
 * heartbeat, "invoked repeatedly" guard (000-007), the configured processing time, then the handler.
 */
export function operation(gateway: HuaweiGateway, name: string, handler: (context: OperationContext) => Outcome): RouteHandler {
  return async (req) => {
    const agentId = req.params.agentid ?? '';
    if (!isAgentId(agentId)) return toResponse(reject(RETCODE.invalidParameter, '(agentid)'));
    const auth = gateway.authenticate(agentId, req.headers, req.receivedAt);
    if (!auth.ok) return toResponse(auth);
    const session = auth.session;
    gateway.touch(session, req.receivedAt);
    const outcome = await exclusive(gateway, agentId, name, () =>
      // The agent may have been signed out while the operation was in progress.
      session.active ? handler({ req, session, now: req.receivedAt }) : reject(RETCODE.notSignedIn),
    );
    return toResponse(outcome);
  };
}

/** Runs `body` as the one in-progress `name` operation of the agent, after the configured latency. */
export async function exclusive(gateway: HuaweiGateway, agentId: string, name: string, body: () => Outcome): Promise<Outcome> {
  if (!gateway.beginOperation(agentId, name)) return reject(RETCODE.repeatedInvocation);
  try {
    const latency = gateway.options.operationLatencyMs;
    if (latency > 0) await sleep(latency);
    return body();
  } finally {
    gateway.endOperation(agentId, name);
  }
}
