import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_PATH, agentClient, bayeux, dial, startEmulator, type Running } from './testSupport/harness';

let running: Running | undefined;

afterEach(async () => {
  await running?.emulator.close();
  running = undefined;
});

const START = { operationName: 'StartContactCenterSession', channels: ['voice'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('CSRF protection off (default)', () => {
  it('sends no CSRF headers and accepts POSTs without a token', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    const me = await http.get('/api/v2/me');
    expect(me.headers.get('x-csrf-header')).toBeNull();
    expect(me.headers.get('x-csrf-token')).toBeNull();
    expect((await http.post('/api/v2/me', START)).json).toEqual({ statusCode: 0 });
  });
});

describe('CSRF protection on', () => {
  it('returns the header name and a session token on every GET', async () => {
    running = await startEmulator({ csrf: true });
    const http = agentClient(running.url);
    const first = await http.get('/api/v2/me');
    expect(first.headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(first.headers.get('x-csrf-token')).toMatch(UUID);

    const again = await http.get('/api/v2/diagnostics/version');
    expect(again.headers.get('x-csrf-token')).toBe(first.headers.get('x-csrf-token'));
  });

  it('answers a POST without the token 403 "Missing or invalid Csrf token" and does nothing', async () => {
    running = await startEmulator({ csrf: true });
    const http = agentClient(running.url);
    await http.get('/api/v2/me');

    const response = await http.post('/api/v2/me', START, { csrf: false });
    expect(response.status).toBe(403);
    expect(response.text).toBe('Missing or invalid Csrf token');
    const dialAttempt = await http.post(DEVICE_PATH, { operationName: 'Dial', destination: { phoneNumber: '5001' } }, { csrf: false });
    expect(dialAttempt.status).toBe(403);
    expect(running.emulator.control.calls()).toEqual([]);
    const me = await http.get('/api/v2/me?subresources=devices');
    expect(me.json).toMatchObject({ user: { devices: [{ userState: { state: 'LoggedOut' } }] } });
  });

  it('rejects a wrong token, a token without the session cookie, and accepts the right one', async () => {
    running = await startEmulator({ csrf: true });
    const http = agentClient(running.url);
    await http.get('/api/v2/me');

    const wrong = await http.post('/api/v2/me', START, { csrf: false, headers: { 'X-CSRF-TOKEN': '4a92be65-ec55-4aa2-b9df-9518fd870f2f' } });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toBe('Missing or invalid Csrf token');

    const stranger = agentClient(running.url);
    const withoutCookie = await stranger.post('/api/v2/me', START, { headers: { 'X-CSRF-TOKEN': http.csrfToken ?? '' } });
    expect(withoutCookie.status).toBe(403);
    expect(withoutCookie.text).toBe('Missing or invalid Csrf token');

    expect((await http.post('/api/v2/me', START)).json).toEqual({ statusCode: 0 });
    expect((await dial(http, '5001')).json).toEqual({ statusCode: 0 });
    expect(running.emulator.control.calls()).toHaveLength(1);
  });

  it('gives a new session a new token', async () => {
    running = await startEmulator({ csrf: true });
    const first = agentClient(running.url);
    const second = agentClient(running.url);
    await first.get('/api/v2/me');
    await second.get('/api/v2/me');
    expect(first.csrfToken).toMatch(UUID);
    expect(second.csrfToken).not.toBe(first.csrfToken);
  });

  it('does not require the token on the notifications endpoint', async () => {
    running = await startEmulator({ csrf: true });
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    http.csrfToken = undefined;

    const [reply] = await bayeux(http, 'handshake', [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]);
    expect(reply).toMatchObject({ successful: true });
  });

  it('can be switched on at run time through the control API', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const patched = await http.post('/__sandbox/settings', { csrf: true });
    expect(patched.json).toMatchObject({ settings: { csrf: true } });

    const refused = await http.post('/api/v2/me', START);
    expect(refused.status).toBe(403);
    await http.get('/api/v2/me');
    expect((await http.post('/api/v2/me', START)).json).toEqual({ statusCode: 0 });
  });
});
