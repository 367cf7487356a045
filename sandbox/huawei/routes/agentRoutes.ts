import type { Route, RouteHandler } from '../../framework/emulatorServer';
import { agentEvents } from '../events';
import type { HuaweiGateway } from '../gateway';
import { RETCODE } from '../retcodes';
import { stickyCookieHeader } from '../stickiness';
import { AGENT_STATE, isAgentId, parseBusyReason, parseSkillSelection, reject } from '../validation';
import { success, toResponse } from './envelope';
import { BASE_PATH, exclusive, operation } from './pipeline';

/** `/onlineagent/{agentid}/…`: sign-in, GUID refresh, skills, busy/free, state, sign-out. */
export function agentRoutes(gateway: HuaweiGateway): Route[] {
  const base = `${BASE_PATH}/onlineagent/:agentid`;
  return [
    { method: 'PUT', path: base, handler: signIn(gateway, false) },
    { method: 'PUT', path: `${base}/forcelogin`, handler: signIn(gateway, true) },
    {
      method: 'PUT',
      path: `${base}/updateGuid`,
      handler: operation(gateway, 'updateGuid', ({ session, now }) => success({ guid: gateway.updateGuid(session, now) })),
    },
    {
      method: 'DELETE',
      path: `${base}/logout`,
      handler: operation(gateway, 'logout', ({ session }) => {
        if (session.legs.length > 0) return reject(RETCODE.signOutStateError, '(the agent is in a call)');
        gateway.signOut(session);
        return success(null);
      }),
    },
    {
      method: 'POST',
      path: `${base}/resetskill/:autoflag`,
      handler: operation(gateway, 'resetskill', ({ req, session }) => {
        const selection = parseSkillSelection(req.params.autoflag ?? '', req.query.get('skillid'));
        if (!selection.ok) return selection;
        const configured = session.agent.skillIds;
        if (selection.value === 'all') session.signedInSkills = [...configured];
        else if (selection.value.every((id) => configured.includes(id))) session.signedInSkills = selection.value;
        else return reject(RETCODE.invalidParameter, '(skillid)');
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/saybusy`,
      handler: operation(gateway, 'saybusy', ({ req, session }) => {
        const reason = parseBusyReason(req.query.get('reason'));
        if (!reason.ok) return reason;
        session.baseState = AGENT_STATE.busy;
        session.notReadyReason = reason.value;
        gateway.emit(session, agentEvents.notReady(reason.value));
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/sayfree`,
      handler: operation(gateway, 'sayfree', ({ session }) => {
        const occupied = session.agentState === AGENT_STATE.talking;
        session.baseState = AGENT_STATE.idle;
        // During a call the agent becomes idle when the call ends (AgentState_Ready then).
        if (!occupied) gateway.emit(session, agentEvents.ready());
        return success({});
      }),
    },
    {
      method: 'GET',
      path: `${base}/agentstatus`,
      handler: operation(gateway, 'agentstatus', ({ session }) => success({ agentState: session.agentState, isWorking: session.isWorking })),
    },
    {
      method: 'GET',
      path: `${base}/agentskills`,
      handler: operation(gateway, 'agentskills', ({ session }) =>
        success(gateway.options.skills.filter((skill) => session.agent.skillIds.includes(skill.skillId))),
      ),
    },
  ];
}

function signIn(gateway: HuaweiGateway, force: boolean): RouteHandler {
  return async (req) => {
    const agentId = req.params.agentid ?? '';
    if (!isAgentId(agentId)) return toResponse(reject(RETCODE.invalidParameter, '(agentid)'));
    const outcome = await exclusive(gateway, agentId, 'signin', () => {
      const signedIn = gateway.signIn(agentId, req.rawBody, force);
      if (!signedIn.ok) return signedIn;
      const { session, guid } = signedIn.value;
      const cookie = gateway.options.loadBalancerCookie;
      const headers: Record<string, string> = { 'Set-GUID': `JSESSIONID=${guid}` };
      if (cookie && session.loadBalancerCookie) headers['Set-Cookie'] = stickyCookieHeader(cookie.name, session.loadBalancerCookie);
      return success(
        {
          vdnid: 1,
          workno: agentId,
          mediatype: 'TTF',
          loginTime: session.loginTime,
          isForceChange: 'false',
          serverName: 'AgentGateway',
          timeRemaining: '9',
        },
        headers,
      );
    });
    return toResponse(outcome);
  };
}
