import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GwsHttp } from './testSupport/gwsHttp';
import { agentClient, dial, signIn, startEmulator, type Running } from './testSupport/harness';

let running: Running;

beforeEach(async () => {
  running = await startEmulator();
});

afterEach(async () => {
  await running.emulator.close();
});

const ACCESS_DENIED = { statusCode: 20, statusMessage: 'Access denied' };

describe('authentication', () => {
  it.each([
    ['no credentials', {}],
    ['a wrong password', { Authorization: `Basic ${Buffer.from('agent1:wrong').toString('base64')}` }],
    ['an unknown user', { Authorization: `Basic ${Buffer.from('nobody:sandbox').toString('base64')}` }],
    ['a malformed Basic header', { Authorization: 'Basic !!!' }],
    ['another scheme', { Authorization: 'Bearer abc' }],
    ['an unknown JSESSIONID', { Cookie: 'JSESSIONID=0123456789ABCDEF' }],
  ])('answers 403 statusCode 20 to %s, never a 401 challenge', async (_case, headers) => {
    const response = await new GwsHttp(running.url).get('/api/v2/me', { headers });
    expect(response.status).toBe(403);
    expect(response.json).toEqual(ACCESS_DENIED);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('sets JSESSIONID on the first authenticated response and then accepts the cookie alone', async () => {
    const http = agentClient(running.url);
    const first = await http.get('/api/v2/me');
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie()).toEqual([expect.stringMatching(/^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/)]);

    const cookieOnly = await http.get('/api/v2/me', { basic: false });
    expect(cookieOnly.status).toBe(200);
    expect(cookieOnly.headers.getSetCookie()).toEqual([]);
    const withBasicAgain = await http.get('/api/v2/me');
    expect(withBasicAgain.headers.getSetCookie()).toEqual([]);
  });

  it('refuses Basic with a wrong password even alongside a valid session cookie', async () => {
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const response = await http.get('/api/v2/me', { basic: false, headers: { Authorization: `Basic ${Buffer.from('agent1:wrong').toString('base64')}` } });
    expect(response.status).toBe(403);
  });

  it('after expireSession answers the cookie alone with 403/20, and Basic starts a new session', async () => {
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const oldCookie = await http.cookieHeader();
    expect(running.emulator.control.expireSession()).toBe(1);

    const cookieOnly = await http.get('/api/v2/me', { basic: false });
    expect(cookieOnly.status).toBe(403);
    expect(cookieOnly.json).toEqual(ACCESS_DENIED);
    const renewed = await http.get('/api/v2/me');
    expect(renewed.status).toBe(200);
    expect(await http.cookieHeader()).not.toBe(oldCookie);
  });

  it('EndContactCenterSession invalidates the HTTP session', async () => {
    const http = agentClient(running.url);
    await signIn(http);
    expect((await http.post('/api/v2/me', { operationName: 'EndContactCenterSession' })).json).toEqual({ statusCode: 0 });

    const cookieOnly = await http.get('/api/v2/me', { basic: false });
    expect(cookieOnly.status).toBe(403);
    expect(cookieOnly.json).toEqual(ACCESS_DENIED);
  });

  it('refuses a Dial without credentials and places no call', async () => {
    const http = agentClient(running.url);
    await signIn(http);
    const anonymous = new GwsHttp(running.url);
    const response = await dial(anonymous, '5001');
    expect(response.status).toBe(403);
    expect(running.emulator.control.calls()).toEqual([]);
  });
});
