import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOracleEmulator, type OracleEmulator } from './index';

let emulator: OracleEmulator;
let baseUrl: string;

beforeAll(async () => {
  emulator = createOracleEmulator({ authorizeTimeoutMs: 300 });
  baseUrl = await emulator.listen();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await fetch(`${baseUrl}/__sandbox/reset`, { method: 'POST' });
});

const rfc2822 = (ms: number): string => new Date(ms).toUTCString().replace('GMT', '+0000');

async function start(body?: unknown, path = '/call/2.0/367901/12026345789'): Promise<{ status: number; text: string; sessionId?: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const sessionId = response.status === 200 ? (JSON.parse(text) as { sessionId: string }).sessionId : undefined;
  return { status: response.status, text, ...(sessionId ? { sessionId } : {}) };
}

async function status(sessionId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/call/2.0/${sessionId}/status`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const end = (sessionId: string): Promise<Response> => fetch(`${baseUrl}/call/2.0/${sessionId}`, { method: 'DELETE' });

describe('Oracle emulator: start and status', () => {
  it('starts the documented example with an empty body and returns a documented-shape session id', async () => {
    const result = await start();
    expect(result.status).toBe(200);
    expect(result.sessionId).toMatch(/^[A-Za-z0-9]{26,27}$/);
    expect(emulator.control.session(result.sessionId!)).toMatchObject({ agentPhone: '12025550100', request: { userPhone: '12026345789', delaySeconds: 0 } });
  });

  it('accepts an E.164 user phone with its + encoded', async () => {
    expect((await start({}, '/call/2.0/367901/%2B12026345789')).status).toBe(200);
  });

  it('walks initiated → connected → disconnected with more and hasChanged', async () => {
    const { sessionId } = await start({});
    const first = await status(sessionId!);
    expect(first).toMatchObject({ sessionId, callState: 'initiated', more: 'yes', hasChanged: 'yes' });
    expect(typeof first.time).toBe('number');
    expect(await status(sessionId!)).toMatchObject({ callState: 'initiated', hasChanged: 'no' });
    emulator.control.advance(2_000);
    expect(await status(sessionId!)).toMatchObject({ callState: 'connected', more: 'yes', hasChanged: 'yes' });
    emulator.control.advance(60_000);
    expect(await status(sessionId!)).toMatchObject({ callState: 'disconnected', more: 'no', hasChanged: 'yes' });
  });

  it('schedules a call by delay (seconds) and starts it when the time comes', async () => {
    const { sessionId } = await start({ delay: 60 });
    const scheduled = await status(sessionId!);
    expect(scheduled).toMatchObject({ callState: 'scheduled', more: 'no' });
    expect(scheduled.scheduledTime).toBe((scheduled.time as number) + 60);
    emulator.control.advance(60_000);
    expect(await status(sessionId!)).toMatchObject({ callState: 'initiated', more: 'yes' });
  });

  it('schedules a call by when (RFC 2822)', async () => {
    const at = Math.ceil((Date.now() + 120_000) / 1000) * 1000;
    const { sessionId } = await start({ when: rfc2822(at) });
    expect(await status(sessionId!)).toMatchObject({ callState: 'scheduled', scheduledTime: at / 1000 });
    expect(emulator.control.session(sessionId!)?.request?.when).toBe(at);
  });

  it('runs scheduled calls fast under a time scale', async () => {
    emulator.control.configure({ timeScale: 1_000 });
    const { sessionId } = await start({ delay: 60 });
    await expect.poll(async () => (await status(sessionId!)).callState, { timeout: 10_000 }).not.toBe('scheduled');
  });

  it.each([
    ['12026345789 (the documented number answers)', '12026345789', ['initiated', 'connected', 'disconnected']],
    ['12026345779 (…9 busy)', '12026345779', ['initiated', 'disconnected']],
    ['12026345788 (…8 no answer)', '12026345788', ['initiated', 'disconnected']],
  ])('plays the far end of %s', async (_name, number, states) => {
    const { sessionId } = await start({}, `/call/2.0/367901/${number}`);
    expect(emulator.control.session(sessionId!)?.steps.map((step) => step.state)).toEqual(states);
  });

  it('answers the documented example bodies under legacy quirks', async () => {
    emulator.control.configure({ legacyQuirks: true });
    expect(await (await fetch(`${baseUrl}/call/2.0/NND4QvEgFlltU0ObJtGbgGRfO4X/status`)).text()).toBe(
      '{"sessionid":"NND4QvEgFlltU0ObJtGbgGRfO4X","callState":"scheduled","time":"2013-07-25 4:35:50","scheduledTime":"2013-07-29 16:30:00","more":"no","hasChanged":"yes"}',
    );
    expect(await (await fetch(`${baseUrl}/call/2.0/1TfU02Xfme2GMuzfUh0rkdgvz4/status`)).text()).toBe(
      '{"sessionid":"1TfU02Xfme2GMuzfUh0rkdgvz4","callState":"connected","time":" 1343129590","more":"yes","hasChanged":"yes"}',
    );
  });
});

describe('Oracle emulator: start errors', () => {
  const past = rfc2822(Date.now() - 60_000);
  const future = rfc2822(Date.now() + 600_000);
  const cases: Array<[string, unknown, string, number, string]> = [
    ['unknown template ABC123', {}, '/call/2.0/ABC123/12026345789', 404, 'Call template not found'],
    ['a user phone that is not E.164', {}, '/call/2.0/367901/02026345789', 404, 'Invalid user phone number'],
    ['a short user phone', {}, '/call/2.0/367901/1234567', 404, 'Invalid user phone number'],
    ['a body that is not JSON', '{delay:', '/call/2.0/367901/12026345789', 400, 'The request body must be a JSON object'],
    ['a negative delay', { delay: -1 }, '/call/2.0/367901/12026345789', 400, 'Invalid delay: a whole number of seconds from 0 to 900'],
    ['a fractional delay', { delay: 1.5 }, '/call/2.0/367901/12026345789', 400, 'Invalid delay: a whole number of seconds from 0 to 900'],
    ['a delay over 900 s', { delay: 901 }, '/call/2.0/367901/12026345789', 400, 'Invalid delay: a whole number of seconds from 0 to 900'],
    ['letters in userExtension', { userExtension: '12a' }, '/call/2.0/367901/12026345789', 400, 'Invalid userExtension: only 0-9 . , * # are permitted'],
    ['when in the past', { when: past }, '/call/2.0/367901/12026345789', 400, 'Invalid when: an RFC 2822 date/time in the future is required'],
    ['when as ISO 8601', { when: '2030-01-01T10:00:00Z' }, '/call/2.0/367901/12026345789', 400, 'Invalid when: an RFC 2822 date/time in the future is required'],
    ['when and a delay', { when: future, delay: 30 }, '/call/2.0/367901/12026345789', 400, 'Invalid when: a call cannot have both when and delay'],
    ['callAgentFirst "yes"', { callAgentFirst: 'yes' }, '/call/2.0/367901/12026345789', 400, "Invalid callAgentFirst: allowable values are 'true' and 'false'"],
    ['authEncrypted 1', { authEncrypted: 1 }, '/call/2.0/367901/12026345789', 400, "Invalid authEncrypted: allowable values are 'true' and 'false'"],
    ['a three-letter language', { visitorContext: { language: 'eng' } }, '/call/2.0/367901/12026345789', 400, 'Invalid visitorContext: language must be a two-letter ISO code'],
    ['an unknown data field', { visitorContext: { Tier: 'gold' } }, '/call/2.0/367901/12026345789', 400, 'Invalid visitorContext: unknown optional data field Tier'],
    [
      'eleven data fields',
      { visitorContext: Object.fromEntries([...Array.from({ length: 10 }, (_, i) => [`var${i + 1}`, 'x']), ['CustRef', 'y']]) },
      '/call/2.0/367901/12026345789',
      400,
      'Invalid visitorContext: at most 10 optional data fields',
    ],
  ];

  it.each(cases)('%s → %i', async (_name, body, path, expectedStatus, text) => {
    const result = await start(body, path);
    expect(result).toMatchObject({ status: expectedStatus, text });
    expect(emulator.control.sessions()).toHaveLength(2);
  });

  it('refuses with 403 when pre-call authorization is denied or reverse call flow is not permitted', async () => {
    emulator.control.upsertTemplate('555001', { preAuth: 'deny' });
    expect(await start({}, '/call/2.0/555001/12026345789')).toMatchObject({ status: 403, text: 'Pre-call authorization checks failed' });
    emulator.control.upsertTemplate('555002', { callAgentFirstAllowed: false });
    expect(await start({ callAgentFirst: true }, '/call/2.0/555002/12026345789')).toMatchObject({
      status: 403,
      text: 'Reverse call flow is not permitted for this account',
    });
    expect((await start({ callAgentFirst: 'true' })).status).toBe(200);
  });

  it('answers 404 Call could not be started when told to, and for a number scripted invalid', async () => {
    emulator.control.failNextStart();
    expect(await start()).toMatchObject({ status: 404, text: 'Call could not be started' });
    emulator.control.scriptOutcome('12026345787', 'invalid');
    expect(await start({}, '/call/2.0/367901/12026345787')).toMatchObject({ status: 404, text: 'Invalid user phone number' });
    expect((await start()).status).toBe(200);
  });

  it('records visitor context, labels resolved to internal names', async () => {
    const { sessionId } = await start({ userExtension: ',,1,,234#', visitorContext: { visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', CustRef: 'gold', var2: 'x' } });
    expect(emulator.control.session(sessionId!)?.request).toMatchObject({
      userExtension: ',,1,,234#',
      visitorId: 'v-42',
      referrerUrl: 'https://shop.example/cart',
      language: 'en',
      optionalData: { var1: 'gold', var2: 'x' },
    });
  });
});

describe('Oracle emulator: authorizeUrl', () => {
  let authorizer: Server;
  let authorizerUrl: string;
  let answer: { status: number; body: string; delayMs?: number };
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    authorizer = createServer((req, res) => {
      seen.push(req);
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => authorizer.listen(0, '127.0.0.1', resolve));
    authorizerUrl = `http://127.0.0.1:${(authorizer.address() as AddressInfo).port}/authorize?ticket=abc`;
  });
  afterAll(async () => {
    authorizer.closeAllConnections();
    await new Promise<void>((resolve) => authorizer.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
    answer = { status: 200, body: '' };
  });

  it('asks the authorize URL with the call details and applies its overrides', async () => {
    answer = { status: 200, body: JSON.stringify({ agentPhone: '12025550111', var2: 'vip', ignored: true }) };
    const { sessionId } = await start({ authorizeUrl: authorizerUrl, userExtension: '12' });
    const query = new URL(seen[0]?.url ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ ticket: 'abc', contactId: '367901', userPhone: '12026345789', userExtension: '12', callerIp: '127.0.0.1' });
    expect(emulator.control.session(sessionId!)).toMatchObject({ agentPhone: '12025550111', request: { optionalData: { var2: 'vip' } } });
  });

  it('reads an encrypted (base64) URL', async () => {
    expect((await start({ authorizeUrl: Buffer.from(authorizerUrl).toString('base64'), authEncrypted: true })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['a refusal', { status: 403, body: '' }],
    ['an invalid override', { status: 200, body: JSON.stringify({ delay: 5000 }) }],
    ['a reply that is not JSON', { status: 200, body: '<html>' }],
    ['a reply after the timeout', { status: 200, body: '', delayMs: 1_000 }],
  ])('refuses the call with 403 on %s', async (_name, reply) => {
    answer = reply;
    expect(await start({ authorizeUrl: authorizerUrl })).toMatchObject({ status: 403, text: 'Pre-call authorization checks failed' });
  });
});

describe('Oracle emulator: end call', () => {
  it('ends a live call, then says it has already ended', async () => {
    const { sessionId } = await start();
    const first = await end(sessionId!);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ callState: 'ended' });
    expect(await status(sessionId!)).toMatchObject({ callState: 'disconnected', more: 'no' });
    const second = await end(sessionId!);
    expect(second.status).toBe(403);
    expect(await second.text()).toBe('The call has already ended.');
  });

  it('cancels a scheduled call', async () => {
    const { sessionId } = await start({ delay: 600 });
    expect((await end(sessionId!)).status).toBe(200);
    expect(emulator.control.session(sessionId!)?.steps.map((step) => step.state)).toEqual(['scheduled', 'disconnected']);
  });

  it('answers 404 for an unknown session', async () => {
    const response = await end('NoSuchSession0000000000000');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Attempt to end the call failed.');
  });
});

describe('Oracle emulator: paths and methods', () => {
  it.each([
    ['PUT', '/call/2.0/367901/12026345789', 405, 'Method Not Allowed'],
    ['PUT', '/call/2.0/1TfU02Xfme2GMuzfUh0rkdgvz4/status', 405, 'Method Not Allowed'],
    ['GET', '/call/2.0/1TfU02Xfme2GMuzfUh0rkdgvz4', 405, 'Method Not Allowed'],
    ['GET', '/call/1.0/1TfU02Xfme2GMuzfUh0rkdgvz4/status', 404, 'Bad Request'],
    ['GET', '/call/2.0/a/b/c/d', 404, 'Not Found'],
    ['GET', '/call/2.0/NoSuchSession0000000000000/status', 404, 'Not Found'],
  ])('%s %s → %i %s', async (method, path, expectedStatus, statusText) => {
    const response = await fetch(`${baseUrl}${path}`, { method });
    expect(response.status).toBe(expectedStatus);
    expect(response.statusText).toBe(statusText);
  });
});

describe('Oracle emulator: JSONP', () => {
  it('starts, reads and ends a call through callbacks', async () => {
    const started = await (await fetch(`${baseUrl}/call/2.0/367901/12026345789/start?callback=cb&delay=30&visitorId=v1&CustRef=gold&_=123`)).text();
    const match = /^cb\(\{"sessionId":"([A-Za-z0-9]+)"\}\)$/.exec(started);
    expect(match).not.toBeNull();
    const sessionId = match![1]!;
    expect(emulator.control.session(sessionId)?.request).toMatchObject({ delaySeconds: 30, visitorId: 'v1', optionalData: { var1: 'gold' } });
    expect(await (await fetch(`${baseUrl}/call/2.0/${sessionId}/status?callback=app.onStatus`)).text()).toMatch(/^app\.onStatus\(\{"sessionId":".+","callState":"scheduled"/);
    expect(await (await fetch(`${baseUrl}/call/2.0/${sessionId}/end?callback=cb`)).text()).toBe('cb({"callState":"ended"})');
  });

  it('wraps errors as statuscode and reason with HTTP 200', async () => {
    const response = await fetch(`${baseUrl}/call/2.0/ABC123/12026345789/start?callback=cb`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('cb({"statuscode":"404","reason":"Call template not found"})');
  });

  it('refuses a callback that is not a function name', async () => {
    const response = await fetch(`${baseUrl}/call/2.0/1TfU02Xfme2GMuzfUh0rkdgvz4/status?callback=${encodeURIComponent('alert(1);x')}`);
    expect(response.status).toBe(400);
  });
});

describe('Oracle emulator: control over HTTP', () => {
  const post = (path: string, body?: unknown): Promise<Response> =>
    fetch(`${baseUrl}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('drives sessions, templates, outcomes, start failures, the clock and settings', async () => {
    const { sessionId } = await start({ delay: 600 });
    expect((await post('clock', { advanceMs: 600_000 })).status).toBe(204);
    expect((await status(sessionId!)).callState).toBe('initiated');
    expect((await post(`sessions/${sessionId}/connect`)).status).toBe(204);
    expect((await status(sessionId!)).callState).toBe('connected');
    expect((await post(`sessions/${sessionId}/fail`)).status).toBe(409);
    expect((await post(`sessions/${sessionId}/disconnect`)).status).toBe(204);
    expect((await post('sessions/nope/connect')).status).toBe(404);
    expect((await post(`sessions/${sessionId}/explode`)).status).toBe(400);

    expect((await post('templates/777', { preAuth: 'deny' })).status).toBe(204);
    expect((await start({}, '/call/2.0/777/12026345789')).status).toBe(403);
    expect((await post('outcomes', { userPhone: '12026345787', outcome: 'busy' })).status).toBe(204);
    const busy = await start({}, '/call/2.0/367901/12026345787');
    expect(emulator.control.session(busy.sessionId!)?.outcome).toBe('busy');
    expect((await post('start-failure', { times: 1 })).status).toBe(204);
    expect((await start()).status).toBe(404);
    expect((await post('settings', { legacyQuirks: true })).status).toBe(204);
    expect(await status(busy.sessionId!)).toHaveProperty('sessionid');
    expect((await post('settings', { timeScale: -1 })).status).toBe(400);

    const listed = (await (await fetch(`${baseUrl}/__sandbox/sessions`)).json()) as { sessions: unknown[] };
    expect(listed.sessions).toHaveLength(4);
    expect((await fetch(`${baseUrl}/__sandbox/sessions/${sessionId}`)).status).toBe(200);
  });
});
