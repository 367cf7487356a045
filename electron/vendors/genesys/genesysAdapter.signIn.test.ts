import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createGenesysEmulator, SANDBOX_USER, type GenesysEmulator, type GenesysEmulatorOptions } from '../../../sandbox/genesys';
import type { VendorAdapter } from '../adapter';
import { createTestAdapter, describeRequests, type RecordingHost, type TestAdapterOptions } from './testSupport';

const FAST: Partial<GenesysEmulatorOptions> = { cometdTimeoutMs: 500, publishDelayMs: { min: 5, max: 20 }, answerDelayMs: 100 };

let emulator: GenesysEmulator | undefined;
let adapter: VendorAdapter | undefined;

async function start(emulatorOptions: Partial<GenesysEmulatorOptions> = {}, adapterOptions: TestAdapterOptions = {}): Promise<{ emulator: GenesysEmulator; adapter: VendorAdapter; host: RecordingHost }> {
  emulator = createGenesysEmulator({ ...FAST, ...emulatorOptions });
  const url = await emulator.listen(0);
  const created = createTestAdapter(url, adapterOptions);
  adapter = created.adapter;
  return { emulator, ...created };
}

afterEach(async () => {
  await adapter?.dispose();
  await emulator?.close();
  adapter = undefined;
  emulator = undefined;
});

describe('Genesys sign-in', () => {
  it('reads the user, subscribes, then logs the agent in and makes it Ready, in that order', async () => {
    const { emulator, adapter, host } = await start();

    await expect(adapter.signIn()).resolves.toBe('Signed in as agent1 on DN 5005');

    const sequence = describeRequests(emulator.server.log.list()).filter((line) => !line.startsWith('/meta/connect'));
    expect(sequence).toEqual([
      'GET /api/v2/me',
      '/meta/handshake',
      '/meta/subscribe /v2/me/calls',
      '/meta/subscribe /v2/me/devices',
      'POST /api/v2/me StartContactCenterSession',
      'POST /api/v2/me/channels/voice Ready',
    ]);
    expect(emulator.server.log.list('^/api/v2/me$')[0]?.query).toBe('?subresources=*');
    expect(host.sessions.map((s) => s.status)).toEqual(['signing-in', 'signed-in']);
    expect(host.sessions[1]?.detail).toBe('Signed in as agent1 on DN 5005');
  });

  it('sends the JSESSIONID of the REST sign-in on every Bayeux request, and Basic credentials on REST requests', async () => {
    const { emulator, adapter } = await start();
    await adapter.signIn();

    const bayeux = emulator.server.log.list('^/api/v2/notifications');
    expect(bayeux.length).toBeGreaterThan(0);
    for (const request of bayeux) expect(request.headers.cookie).toMatch(/JSESSIONID=[0-9A-F]+/);
    for (const request of emulator.server.log.list('^/api/v2/me')) {
      expect(request.headers.authorization).toBe(`Basic ${Buffer.from('agent1:sandbox').toString('base64')}`);
    }
  });

  it('keeps the sessions of two profiles apart: each event stream sends its own JSESSIONID and sees its own calls', async () => {
    const agent2 = { userName: 'agent2', password: 'sandbox2', deviceId: 'a2d2c3e4-0000-4000-8000-000000000002', phoneNumber: '5006' };
    const { emulator, adapter, host } = await start({ users: [{ ...SANDBOX_USER }, agent2], farEnd: 'manual' });
    const second = createTestAdapter(emulator.server.url, { password: 'sandbox2', profile: { id: 'gws2', username: 'agent2' } });
    try {
      await adapter.signIn();
      await expect(second.adapter.signIn()).resolves.toBe('Signed in as agent2 on DN 5006');

      host.track('L1', '5001');
      await adapter.dial({ localId: 'L1', target: { kind: 'phone', input: '5001', number: '5001' } });
      second.host.track('M1', '5002');
      await second.adapter.dial({ localId: 'M1', target: { kind: 'phone', input: '5002', number: '5002' } });
      const mine = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'dialing');
      const theirs = await second.host.waitForObservation((o) => o.localId === 'M1' && o.state === 'dialing');

      expect(mine.vendorCallId).not.toBe(theirs.vendorCallId);
      expect(host.observations.filter((o) => o.vendorCallId === theirs.vendorCallId)).toEqual([]);
      expect(second.host.observations.filter((o) => o.vendorCallId === mine.vendorCallId)).toEqual([]);
      const sessionsOf = (user: string): Set<string> => {
        const auth = `Basic ${Buffer.from(`${user}`).toString('base64')}`;
        const restCookies = emulator.server.log.list('^/api/v2/me').filter((r) => r.headers.authorization === auth).map((r) => r.headers.cookie ?? '');
        return new Set(restCookies.flatMap((cookie) => /JSESSIONID=([^;]+)/.exec(cookie)?.[1] ?? []));
      };
      const bayeuxSessions = new Set(
        emulator.server.log.list('^/api/v2/notifications').flatMap((r) => /JSESSIONID=([^;]+)/.exec(r.headers.cookie ?? '')?.[1] ?? []),
      );
      const first = sessionsOf('agent1:sandbox');
      const other = sessionsOf('agent2:sandbox2');
      expect(first.size).toBe(1);
      expect(other.size).toBe(1);
      expect([...first][0]).not.toBe([...other][0]);
      expect(bayeuxSessions).toEqual(new Set([...first, ...other]));
    } finally {
      await second.adapter.dispose();
    }
  });

  it('puts the configured initial state after the agent login', async () => {
    const { emulator, adapter } = await start({}, { profile: { initialState: 'NotReady' } });
    await adapter.signIn();
    expect(describeRequests(emulator.server.log.list('^/api/v2/me/channels/voice$'))).toEqual(['POST /api/v2/me/channels/voice NotReady']);
  });

  it('accepts the partial success (statusCode 7) of StartContactCenterSession when voice succeeded', async () => {
    const { emulator, adapter, host } = await start();
    const partial = {
      statusCode: 7,
      failed: [{ statusCode: 4, statusMessage: 'Interaction server connection is not opened', channel: 'multimedia' }],
      succeeded: [{ statusCode: 0, channel: 'voice' }],
    };
    emulator.server.faults.add({ path: '^/api/v2/me$', method: 'POST', action: 'respond', status: 200, body: partial, times: 1 });
    emulator.server.faults.add({ path: '^/api/v2/me/channels/voice$', action: 'respond', status: 200, body: { statusCode: 0 }, times: 1 });

    await expect(adapter.signIn()).resolves.toBe('Signed in as agent1 on DN 5005');
    expect(host.logs.find((entry) => entry.level === 'warn')?.message).toBe('GWS agent login partly failed (voice succeeded)');
  });

  it('judges success by statusCode, not by the HTTP status', async () => {
    const { emulator, adapter } = await start();
    emulator.server.faults.add({ path: '^/api/v2/me$', method: 'POST', action: 'respond', status: 200, body: { statusCode: 5, statusMessage: 'Not allowed to log in' }, times: 1 });

    await expect(adapter.signIn()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Agent login refused by Genesys: Not allowed to log in',
      vendorMessage: 'Not allowed to log in',
    });
  });

  it('fails with AUTH_FAILED and the vendor words on a wrong password, and sends nothing after the first refusal', async () => {
    const { emulator, adapter, host } = await start({}, { password: 'wrong' });

    const error = await adapter.signIn().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorMessage: 'Access denied' });
    expect((error as AppError).message).toContain('Access denied');
    expect((error as AppError).hint).toMatch(/username and password.*Settings/);
    expect(describeRequests(emulator.server.log.list())).toEqual(['GET /api/v2/me']);
    expect(host.sessions.map((s) => s.status)).toEqual(['signing-in', 'error']);
    expect(host.sessions[1]?.error?.code).toBe('AUTH_FAILED');
  });

  it('fails when the event stream cannot be opened, before logging the agent in', async () => {
    const { emulator, adapter, host } = await start();
    emulator.server.faults.add({ path: '^/api/v2/notifications/handshake$', action: 'respond', status: 500, body: 'Internal Server Error', times: 1 });

    await expect(adapter.signIn()).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'Cannot open the Genesys event stream: the CometD handshake failed (HTTP 500).',
    });
    expect(host.sessions.map((s) => s.status)).toEqual(['signing-in', 'error']);
    expect(emulator.server.log.list('^/api/v2/me$').filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('fails with a clear error and sends nothing when no password is set', async () => {
    const { emulator, adapter } = await start({}, { password: undefined });
    await expect(adapter.signIn()).rejects.toMatchObject({ code: 'AUTH_FAILED', hint: 'Enter the password in Settings.' });
    expect(emulator.server.log.list()).toEqual([]);
  });

  it('names a device the user does not have', async () => {
    const { emulator, adapter } = await start({}, { profile: { deviceId: 'no-such-device' } });
    await expect(adapter.signIn()).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The Genesys user has no device no-such-device.' });
    expect(describeRequests(emulator.server.log.list())).toEqual(['GET /api/v2/me']);
  });

  it('in CSRF mode reads the token from the GET and sends it on every POST', async () => {
    const { emulator, adapter, host } = await start({ csrf: true, farEnd: 'manual' });
    await adapter.signIn();
    host.track('L1', '5001');
    await adapter.dial({ localId: 'L1', target: { kind: 'phone', input: '5001', number: '5001' } });
    const dialing = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'dialing');
    await adapter.hangup({ localId: 'L1', vendorCallId: dialing.vendorCallId ?? '' });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');

    const posts = emulator.server.log.list().filter((request) => request.method === 'POST');
    expect(posts.map((p) => p.path)).toEqual(expect.arrayContaining(['/api/v2/me', '/api/v2/me/channels/voice', '/api/v2/me/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a/calls']));
    const token = posts[0]?.headers['x-csrf-token'];
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    for (const post of posts) expect(post.headers['x-csrf-token'], `${post.path} carries the token`).toBe(token);
  });

  it('without CSRF mode sends no token header', async () => {
    const { emulator, adapter } = await start();
    await adapter.signIn();
    for (const request of emulator.server.log.list()) expect(request.headers['x-csrf-token']).toBeUndefined();
  });

  it('never logs the password, the Authorization header, the session cookie or the CSRF token', async () => {
    const { emulator, adapter, host } = await start({ csrf: true });
    await adapter.signIn();
    await adapter.resync();
    await adapter.signOut();

    const logged = JSON.stringify(host.logs);
    const secrets = new Set<string>([Buffer.from('agent1:sandbox').toString('base64'), ':sandbox']);
    for (const request of emulator.server.log.list()) {
      const session = /JSESSIONID=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      if (session) secrets.add(session);
      const token = request.headers['x-csrf-token'];
      if (typeof token === 'string') secrets.add(token);
    }
    expect(secrets.size).toBeGreaterThan(3);
    expect(host.logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });

  it('signs out with EndContactCenterSession after closing the event stream', async () => {
    const { emulator, adapter, host } = await start();
    await adapter.signIn();
    await adapter.signOut();

    const sequence = describeRequests(emulator.server.log.list()).filter((line) => !line.startsWith('/meta/connect'));
    expect(sequence.slice(-2)).toEqual(['/meta/disconnect', 'POST /api/v2/me EndContactCenterSession']);
    expect(host.sessions.at(-1)?.status).toBe('signed-out');
    await expect(adapter.dial({ localId: 'L1', target: { kind: 'phone', input: '5001', number: '5001' } })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('returns the agent skills as the directory', async () => {
    const { adapter } = await start();
    await expect(adapter.directory?.()).resolves.toEqual({ agents: [], groups: [], skills: [{ id: 'Outbound', name: 'Outbound (level 5)' }] });
  });

  it('reports calls the user already has at sign-in', async () => {
    const { emulator, adapter, host } = await start({ farEnd: 'manual' });
    const inbound = emulator.control.inbound('5001');

    await adapter.signIn();

    const seen = await host.waitForObservation((o) => o.vendorCallId === inbound.id);
    expect(seen).toMatchObject({ state: 'ringing', rawState: 'Ringing', sourceEvent: 'Sign-in', discovered: { direction: 'inbound' } });
  });
});
