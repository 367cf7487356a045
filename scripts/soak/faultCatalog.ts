import type { Command, Fault } from './protocol';

/** One fault of the soak: a generic fault on the next matching request(s), or an emulator control. */
export interface FaultChoice {
  name: string;
  command: Command;
}

const fault = (name: string, vendor: Extract<Command, { op: 'fault' }>['vendor'], spec: Fault): FaultChoice => ({ name, command: { op: 'fault', vendor, fault: spec } });
const control = (name: string, vendor: Extract<Command, { op: 'control' }>['vendor'], action: Extract<Command, { op: 'control' }>['action'], agentId?: string): FaultChoice => ({
  name,
  command: { op: 'control', vendor, action, ...(agentId ? { agentId } : {}) },
});

const GWS_DIAL = '/api/v2/me/devices/[^/]+/calls$';
const VCC_CREATE = '/v0/a1b2c3d4e5/calls/?$';
const ORACLE_START = '^/call/2\\.0/367901/';

/**
 * Every fault of issue 6 on every vendor it applies to: streams dropped and stalled,
 * 402::Unknown client, 5xx, 429, slow and timed-out answers, expired tokens and sessions,
 * GUID rotation and refusal, forced sign-out, malformed and truncated bodies.
 */
export const FAULT_CATALOG: readonly FaultChoice[] = [
  control('genesys: event stream dropped (402::Unknown client)', 'genesys', 'dropEventStream'),
  control('genesys: HTTP session expired', 'genesys', 'expireSession'),
  fault('genesys: event stream stalled', 'genesys', { path: '/notifications/connect$', action: 'delay', delayMs: 4_000 }),
  fault('genesys: handshakes refused (5xx)', 'genesys', { path: '/notifications/handshake$', action: 'respond', status: 503, body: 'Service Unavailable', times: 3 }),
  fault('genesys: Dial answered 5xx', 'genesys', { path: GWS_DIAL, action: 'respond', status: 503, body: 'Service Unavailable' }),
  fault('genesys: Dial answered 429', 'genesys', { path: GWS_DIAL, action: 'respond', status: 429, body: 'Too Many Requests' }),
  fault('genesys: Dial answer malformed', 'genesys', { path: GWS_DIAL, action: 'respond', status: 200, body: '<html>oops' }),
  fault('genesys: Dial answer truncated', 'genesys', { path: GWS_DIAL, action: 'delay', delayMs: 0, truncate: true }),
  fault('genesys: Dial timed out', 'genesys', { path: GWS_DIAL, action: 'delay', delayMs: 2_000 }),
  fault('genesys: Dial connection dropped', 'genesys', { path: GWS_DIAL, action: 'drop' }),
  fault('genesys: call list answered 5xx', 'genesys', { path: '^/api/v2/me/calls$', action: 'respond', status: 503, body: 'Service Unavailable', times: 2 }),
  control('huawei: agent signed out by the gateway', 'huawei', 'forceSignOut', '40038'),
  control('huawei: colleague signed out by the gateway', 'huawei', 'forceSignOut', '40040'),
  control('huawei: every GUID refused (000-003)', 'huawei', 'expireGuid', '40038'),
  control('huawei: GUID rotated', 'huawei', 'rotateGuid', '40040'),
  control('huawei: malformed poll answer', 'huawei', 'malformedEvent', '40038'),
  fault('huawei: event poll dropped', 'huawei', { path: '/agentevent/', action: 'drop', times: 2 }),
  fault('huawei: event poll stalled past the heartbeat', 'huawei', { path: '/agentevent/40038$', action: 'delay', delayMs: 3_500 }),
  fault('huawei: callout answered 5xx', 'huawei', { path: '/callout$', action: 'respond', status: 503, body: 'Service Unavailable' }),
  fault('huawei: callout timed out', 'huawei', { path: '/callout$', action: 'delay', delayMs: 2_000 }),
  fault('huawei: callout answer truncated', 'huawei', { path: '/callout$', action: 'delay', delayMs: 0, truncate: true }),
  fault('huawei: callout connection dropped', 'huawei', { path: '/callout$', action: 'drop' }),
  control('vonage: access tokens expired', 'vonage', 'expireTokens'),
  fault('vonage: call request answered 5xx', 'vonage', { path: VCC_CREATE, method: 'POST', action: 'respond', status: 503, body: '{"message":"Service Unavailable"}' }),
  fault('vonage: call request answered 429', 'vonage', { path: VCC_CREATE, method: 'POST', action: 'respond', status: 429, body: '{"message":"Too many requests"}' }),
  fault('vonage: call request answer malformed', 'vonage', { path: VCC_CREATE, method: 'POST', action: 'respond', status: 502, body: '<html>Bad Gateway' }),
  fault('vonage: call request answer truncated', 'vonage', { path: VCC_CREATE, method: 'POST', action: 'delay', delayMs: 0, truncate: true }),
  fault('vonage: call request connection dropped', 'vonage', { path: VCC_CREATE, method: 'POST', action: 'drop' }),
  fault('vonage: call status answered 5xx', 'vonage', { path: '/calls/[^/]+$', method: 'GET', action: 'respond', status: 503, body: 'Service Unavailable', times: 3 }),
  fault('vonage: call status answered 429', 'vonage', { path: '/calls/[^/]+$', method: 'GET', action: 'respond', status: 429, body: '{"message":"Too many requests"}', times: 2 }),
  fault('iovox: initiateCall answered 500', 'iovox', { path: '^/Calling$', action: 'respond', status: 500, body: '<errors><error status="500">Internal Server Error</error></errors>' }),
  fault('iovox: initiateCall answered 429', 'iovox', { path: '^/Calling$', action: 'respond', status: 429, body: 'Too Many Requests' }),
  fault('iovox: initiateCall slow', 'iovox', { path: '^/Calling$', action: 'delay', delayMs: 400 }),
  fault('iovox: initiateCall connection dropped', 'iovox', { path: '^/Calling$', action: 'drop' }),
  fault('oracle: start answered 5xx', 'oracle', { path: ORACLE_START, method: 'POST', action: 'respond', status: 503, body: 'Service Unavailable' }),
  fault('oracle: start answer malformed', 'oracle', { path: ORACLE_START, method: 'POST', action: 'respond', status: 200, body: '{"sessionId":' }),
  fault('oracle: start answer truncated', 'oracle', { path: ORACLE_START, method: 'POST', action: 'delay', delayMs: 0, truncate: true }),
  fault('oracle: start timed out', 'oracle', { path: ORACLE_START, method: 'POST', action: 'delay', delayMs: 2_000 }),
  fault('oracle: status answered 502', 'oracle', { path: '/status$', action: 'respond', status: 502, body: '<html>Bad Gateway</html>', times: 3 }),
];
