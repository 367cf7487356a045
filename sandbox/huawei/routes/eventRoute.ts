import type { ServerResponse } from 'node:http';
import { nowMs, type Route } from '../../framework/emulatorServer';
import type { PollConnection } from '../eventQueue';
import type { HuaweiGateway } from '../gateway';
import { RETCODE } from '../retcodes';
import { isAgentId, reject } from '../validation';
import { pollResponse, toResponse } from './envelope';
import { BASE_PATH } from './pipeline';

/**
 * `GET /agentevent/{agentid}`: the long poll. One event per response, `event: null` after the
 * hold; a rotated GUID rides on the response as `Set-GUID`. After a sign-out the events still
 * queued (ending with AgentOther_ShutdownService) are delivered before 100-006.
 */
export function eventRoute(gateway: HuaweiGateway): Route {
  return {
    method: 'GET',
    path: `${BASE_PATH}/agentevent/:agentid`,
    handler: async (req, res) => {
      const agentId = req.params.agentid ?? '';
      if (!isAgentId(agentId)) return toResponse(reject(RETCODE.invalidParameter, '(agentid)'));
      const auth = gateway.authenticate(agentId, req.headers, req.receivedAt);
      const connection = connectionOf(res);
      const includeGenTime = gateway.options.includeEventGenTime;
      if (!auth.ok) {
        const leftover = auth.endedSession ? await auth.endedSession.queue.take(0, connection) : null;
        return leftover ? pollResponse(leftover, includeGenTime) : toResponse(auth);
      }
      const session = auth.session;
      gateway.touch(session, req.receivedAt);
      if (session.pushMode) return toResponse(reject(RETCODE.wrongEventMode, '(events are pushed to callBackUri)'));

      const item = (await session.queue.take(gateway.options.pollHoldMs, connection)) ?? (session.active ? null : await session.queue.take(0, connection));
      if (!item && !session.active) return toResponse(reject(RETCODE.notSignedIn));
      // A response to an abandoned poll is dropped by the server; it must not carry the only copy of a new GUID.
      const rotated = connection.isAlive() ? gateway.rotateIfDue(session, nowMs()) : undefined;
      return pollResponse(item, includeGenTime, rotated ? { 'Set-GUID': `JSESSIONID=${rotated}` } : {});
    },
  };
}

function connectionOf(res: ServerResponse): PollConnection {
  return {
    isAlive: () => !res.destroyed && !res.writableEnded,
    onClose: (listener) => res.once('close', listener),
  };
}
