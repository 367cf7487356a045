import type { Route } from '../../framework/emulatorServer';
import type { Call, Leg } from '../call';
import { isWrongNumber } from '../farEndScript';
import type { HuaweiGateway } from '../gateway';
import { RETCODE } from '../retcodes';
import type { AgentSession } from '../session';
import { parseCallId, parseCallInnerBody, parseCalloutBody, parseDtmfNumber, reject } from '../validation';
import { success } from './envelope';
import { BASE_PATH, operation } from './pipeline';

/** `/voicecall/{agentid}/…` and `/calldata/{agentid}/callinfo`. */
export function callRoutes(gateway: HuaweiGateway): Route[] {
  const base = `${BASE_PATH}/voicecall/:agentid`;
  const engine = gateway.calls;
  return [
    {
      method: 'PUT',
      path: `${base}/callout`,
      handler: operation(gateway, 'callout', ({ req, session }) => {
        const request = parseCalloutBody(req.rawBody);
        if (!request.ok) return request;
        if (session.activeLeg) return reject(RETCODE.operationFailed, '(the agent is already in a call)');
        if (isWrongNumber(request.value.called, gateway.options)) return reject(RETCODE.wrongCalledNumber);
        return success(engine.callout(session, request.value).id);
      }),
    },
    {
      method: 'PUT',
      path: `${base}/callinner`,
      handler: operation(gateway, 'callinner', ({ req, session }) => {
        const request = parseCallInnerBody(req.rawBody);
        if (!request.ok) return request;
        if (request.value.called === session.workNo) return reject(RETCODE.invalidParameter, '(called)');
        if (session.activeLeg) return reject(RETCODE.operationFailed, '(the agent is already in a call)');
        if (!gateway.findSession(request.value.called)) return reject(RETCODE.operationFailed, '(the called agent has not signed in)');
        return success(engine.callInner(session, request.value).id);
      }),
    },
    {
      method: 'DELETE',
      path: `${base}/release`,
      handler: operation(gateway, 'release', ({ session }) => {
        const leg = session.activeLeg ?? session.heldLegs[0];
        if (!leg) return reject(RETCODE.releaseNoCall);
        engine.release(leg);
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/dropcall/:callid`,
      handler: operation(gateway, 'dropcall', ({ req, session }) => {
        const leg = legOfCall(session, req.params.callid ?? '');
        if (!leg) return reject(RETCODE.releaseNoCall);
        engine.release(leg);
        return success({});
      }),
    },
    {
      method: 'PUT',
      path: `${base}/answer`,
      handler: operation(gateway, 'answer', ({ session }) => {
        const leg = session.legs.find((candidate) => candidate.role === 'recipient' && candidate.phase === 'phone-alerting');
        if (!leg) return reject(RETCODE.answerNoCall);
        engine.answerRinging(leg);
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/hold`,
      handler: operation(gateway, 'hold', ({ session }) => {
        const leg = session.activeLeg;
        if (!leg) return reject(RETCODE.holdNoCall);
        if (leg.phase !== 'talking') return reject(RETCODE.holdBadState);
        engine.hold(leg);
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/gethold`,
      handler: operation(gateway, 'gethold', ({ req, session }) => {
        const callId = parseCallId(req.query.get('callid'));
        if (!callId.ok) return callId;
        const leg = session.heldLegs.find((candidate) => candidate.call.id === callId.value);
        if (!leg) return reject(RETCODE.unholdNoHeldCall);
        if (session.activeLeg) return reject(RETCODE.unholdBadState, '(another call is active)');
        engine.retrieve(leg);
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/seconddialex`,
      handler: operation(gateway, 'seconddialex', ({ req, session, now }) => {
        const digits = parseDtmfNumber(req.query.get('number'));
        if (!digits.ok) return digits;
        const leg = talkingLeg(session);
        if (!leg) return reject(RETCODE.operationFailed, '(no call is talking)');
        session.dtmf.push({ callId: leg.call.id, digits: digits.value, at: now });
        return success({});
      }),
    },
    {
      method: 'POST',
      path: `${base}/beginmute`,
      handler: operation(gateway, 'beginmute', ({ session }) => setMuted(session, true)),
    },
    {
      method: 'POST',
      path: `${base}/endmute`,
      handler: operation(gateway, 'endmute', ({ session }) => setMuted(session, false)),
    },
    {
      method: 'GET',
      path: `${BASE_PATH}/calldata/:agentid/callinfo`,
      handler: operation(gateway, 'callinfo', ({ req, session }) => {
        const current = (session.activeLeg ?? session.heldLegs[0])?.call;
        const includeLast = req.query.get('isNoContainLastCall') !== 'true';
        const call = current ?? (includeLast ? session.lastCall : undefined);
        return success(call ? callInfo(call) : {});
      }),
    },
  ];
}

function setMuted(session: AgentSession, muted: boolean) {
  if (!talkingLeg(session)) return reject(RETCODE.operationFailed, '(no call is talking)');
  session.muted = muted;
  return success({});
}

function talkingLeg(session: AgentSession): Leg | undefined {
  return session.legs.find((leg) => leg.phase === 'talking');
}

function legOfCall(session: AgentSession, callId: string): Leg | undefined {
  return session.legs.find((leg) => leg.call.id === callId);
}

function callInfo(call: Call) {
  return { callid: call.id, caller: call.caller, called: call.called, callskillid: call.skillId };
}
