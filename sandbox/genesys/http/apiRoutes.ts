import type { ServerResponse } from 'node:http';
import { parseJson, type EmulatorRequest, type EmulatorResponse, type Route, type RouteHandler } from '../../framework/emulatorServer';
import { agentStateSettings } from '../agentStates';
import { callUri } from '../calls/callRecord';
import { NOTIFICATIONS_PATH, type BayeuxHub } from '../cometd/bayeuxHub';
import { StatusCode, failure, notFound, ok } from '../gwsReplies';
import type { GenesysUser } from '../options';
import { deviceUris, toUserResource } from '../resources';
import { GWS_VERSION } from '../seed';
import type { TServer } from '../tserver/tserver';
import { admit, type GateConfig } from './gate';
import { ContactCenterSessionBodySchema, parseBody } from './requestBodies';
import type { HttpSession, SessionStore } from './sessions';

export interface ApiDependencies {
  tserver: TServer;
  hub: BayeuxHub;
  sessions: SessionStore;
  gate: () => GateConfig;
  baseUrl: () => string;
}

interface Admitted {
  req: EmulatorRequest;
  res: ServerResponse;
  session: HttpSession;
  user: GenesysUser;
  /** Headers the security chain adds to the reply (session cookie, CSRF token). */
  headers: Record<string, string>;
}

type AdmittedHandler = (admitted: Admitted) => EmulatorResponse | 'handled';

function guarded(deps: ApiDependencies, handler: AdmittedHandler, options: { csrfExempt: boolean } = { csrfExempt: false }): RouteHandler {
  return (req, res) => {
    const admission = admit(req, deps.gate(), options);
    if (!admission.admitted) return admission.response;
    const result = handler({ req, res, session: admission.session, user: admission.user, headers: admission.headers });
    if (result === 'handled') return result;
    return { ...result, headers: { ...admission.headers, ...(result.headers ?? {}) } };
  }
}

/** `fields=*` gives whole resources, `fields=a,b` those fields, no `fields` only URIs (GWS list convention). */
function listing(
  query: URLSearchParams,
  key: string,
  resources: Array<Record<string, unknown>>,
  uris: string[],
): EmulatorResponse {
  const fields = query.get('fields');
  if (fields === null) return ok({ uris });
  if (fields === '*') return ok({ [key]: resources });
  const wanted = new Set(fields.split(',').map((field) => field.trim()));
  return ok({ [key]: resources.map((resource) => Object.fromEntries(Object.entries(resource).filter(([name]) => wanted.has(name)))) });
}

const SUBRESOURCES = ['devices', 'calls', 'skills', 'channels'] as const;

function requestedSubresources(query: URLSearchParams): Set<string> {
  const value = query.get('subresources');
  if (value === null) return new Set();
  if (value.trim() === '*') return new Set(SUBRESOURCES);
  return new Set(value.split(',').map((name) => name.trim()));
}

/** Every GWS REST route of vendors/genesys.md §3, plus the CometD endpoint. */
export function apiRoutes(deps: ApiDependencies): Route[] {
  const { tserver, hub, sessions } = deps;

  const me: AdmittedHandler = ({ req, user }) => {
    const wanted = requestedSubresources(req.query);
    const body: Record<string, unknown> = toUserResource(user, deps.baseUrl());
    if (wanted.has('devices')) body.devices = [tserver.deviceResource(user)];
    if (wanted.has('calls')) body.calls = tserver.liveCalls(user).map((call) => tserver.callResource(call));
    if (wanted.has('skills')) body.skills = user.skills.map((skill) => ({ ...skill }));
    if (wanted.has('channels')) body.channels = [{ channel: 'voice', userState: { ...tserver.userState(user) } }];
    return ok({ user: body });
  };

  const contactCenterSession: AdmittedHandler = ({ req, session, user }) => {
    const parsed = parseBody(ContactCenterSessionBodySchema, parseJson(req.rawBody));
    if (!parsed.ok) return parsed.response;
    if (parsed.value.operationName === 'StartContactCenterSession') return tserver.startContactCenterSession(user, parsed.value.channels);
    const reply = tserver.endContactCenterSession(user);
    sessions.invalidate(session.id);
    return reply;
  };

  return [
    { method: 'GET', path: '/api/v2/diagnostics/version', handler: guarded(deps, () => ok({ version: GWS_VERSION })) },
    { method: 'GET', path: '/api/v2/me', handler: guarded(deps, me) },
    { method: 'POST', path: '/api/v2/me', handler: guarded(deps, contactCenterSession) },
    {
      method: 'POST',
      path: '/api/v2/me/channels/voice',
      handler: guarded(deps, ({ req, user }) => tserver.setAgentState(user, parseJson(req.rawBody))),
    },
    {
      method: 'GET',
      path: '/api/v2/me/devices',
      handler: guarded(deps, ({ req, user }) => listing(req.query, 'devices', [tserver.deviceResource(user)], deviceUris(user, deps.baseUrl()))),
    },
    {
      method: 'POST',
      path: '/api/v2/me/devices/:deviceId/calls',
      handler: guarded(deps, ({ req, user }) => tserver.dial(user, req.params.deviceId ?? '', parseJson(req.rawBody))),
    },
    {
      method: 'GET',
      path: '/api/v2/me/calls',
      handler: guarded(deps, ({ req, user }) => {
        const calls = tserver.liveCalls(user);
        return listing(
          req.query,
          'calls',
          calls.map((call) => tserver.callResource(call)),
          calls.map((call) => callUri(deps.baseUrl(), call.id)),
        );
      }),
    },
    {
      method: 'GET',
      path: '/api/v2/me/calls/:callId',
      handler: guarded(deps, ({ req, user }) => {
        const callId = req.params.callId ?? '';
        const call = tserver.liveCall(user, callId);
        return call ? ok({ call: tserver.callResource(call) }) : notFound(`Call '${callId}'`);
      }),
    },
    {
      method: 'POST',
      path: '/api/v2/me/calls/:callId',
      handler: guarded(deps, ({ req, user }) => tserver.operate(user, req.params.callId ?? '', parseJson(req.rawBody))),
    },
    { method: 'GET', path: '/api/v2/settings/agent-states', handler: guarded(deps, () => ok({ settings: agentStateSettings() })) },
    {
      method: '*',
      path: new RegExp(`^${NOTIFICATIONS_PATH}(?:/(?:handshake|connect|subscribe|unsubscribe|disconnect))?/?$`),
      handler: guarded(deps, ({ req, res, session, headers }) => hub.handle(session, req, res, headers), { csrfExempt: true }),
    },
    {
      method: '*',
      path: /^\/api\/v2(?:\/.*)?$/,
      handler: guarded(deps, ({ req }) => failure(404, StatusCode.notFound, `Resource '${req.path}' does not exist`)),
    },
  ];
}
