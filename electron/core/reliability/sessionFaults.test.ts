import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { callIdOf, FAST_EMULATORS, startReliabilityCore, type ReliabilityCore } from './reliabilityHarness';

/**
 * Credentials and sessions that lapse under the adapters (a Vonage token, Huawei GUIDs and
 * sign-outs, a Genesys HTTP session), through the real core: renewed without a second call,
 * shown to the renderer, and never felt by the other profiles.
 */

let sandbox: Sandbox | undefined;
let live: ReliabilityCore | undefined;
const crashes: unknown[] = [];
const onCrash = (error: unknown): void => void crashes.push(error);

beforeEach(() => {
  crashes.length = 0;
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
});

afterEach(async () => {
  await live?.stop();
  await sandbox?.stop();
  live = undefined;
  sandbox = undefined;
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  expect(crashes).toEqual([]);
});

async function start(profiles: string[], options: SandboxOptions = FAST_EMULATORS): Promise<{ sandbox: Sandbox; live: ReliabilityCore }> {
  sandbox = await startSandbox(options);
  live = await startReliabilityCore(sandbox.urls, { profiles });
  await live.signedIn();
  return { sandbox, live };
}

const statusesSince = (core: ReliabilityCore, profileId: string, from: number): string[] =>
  core.events.slice(from).flatMap((event) => (event.type === 'session.updated' && event.session.profileId === profileId ? [event.session.status] : []));

describe('Vonage access token', () => {
  it('expired at VCC: renewed on the 401, the call is placed once (two POSTs, one call) and followed to its end', async () => {
    const { sandbox, live } = await start(['vonage']);
    const { vonage } = sandbox.emulators;
    expect(vonage.control.expireTokens()).toBe(1);

    const callId = callIdOf(await live.dial('vonage', '+442072068888'));
    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('ended');
    expect(vonage.server.log.list('/calls/?$').filter((request) => request.method === 'POST')).toHaveLength(2);
    expect(vonage.control.calls()).toHaveLength(1);
    expect(vonage.server.log.list('/oauth2/token$')).toHaveLength(2);
  });

  it('short-lived: renewed before it expires, so no request is ever refused', async () => {
    const { sandbox, live } = await start(['vonage'], { ...FAST_EMULATORS, vonage: { ...FAST_EMULATORS.vonage, tokenTtlSeconds: 1, answeredCallMs: 1_500 } });
    const { vonage } = sandbox.emulators;

    const callId = callIdOf(await live.dial('vonage', '+442072068888'));
    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('ended');
    expect(vonage.server.log.list('/oauth2/token$').length).toBeGreaterThan(1);
    expect(vonage.server.log.list('/calls/?$').filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(live.logLines().filter((line) => line.message.includes('access token refused'))).toEqual([]);
  });
});

describe('Huawei GUID and sign-in', () => {
  it('GUID rotated in the middle of a call: adopted, and the call goes on to its end without a refusal', async () => {
    const { sandbox, live } = await start(['huawei']);
    const { huawei } = sandbox.emulators;
    const callId = callIdOf(await live.dial('huawei', '70093'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    expect(huawei.control.rotateGuid('40038')).toMatchObject({ ok: true });

    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('ended');
    const guids = new Set(huawei.server.log.list('/agentevent/40038$').map((request) => request.headers.guid));
    expect(guids.size).toBeGreaterThan(1);
    expect(live.session('huawei')?.status).toBe('signed-in');
  });

  it('signed out by the gateway: the renderer hears reconnecting → signed-in, and the next call goes through', async () => {
    const { sandbox, live } = await start(['huawei']);
    const { huawei } = sandbox.emulators;
    const mark = live.events.length;
    const signIns = huawei.server.log.list('/onlineagent/40038$').length;
    expect(huawei.control.forceSignOut('40038')).toMatchObject({ ok: true });

    await expect.poll(() => statusesSince(live, 'huawei', mark)).toEqual(['reconnecting', 'signed-in']);
    expect(live.session('huawei')?.detail).toContain('Signed in as agent 40038');
    expect(huawei.server.log.list('/onlineagent/40038$')).toHaveLength(signIns + 1);
    const callId = callIdOf(await live.dial('huawei', '70092'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
  });

  it('every GUID refused (000-003): takes its own session back and keeps working', async () => {
    const { sandbox, live } = await start(['huawei']);
    const { huawei } = sandbox.emulators;
    const mark = live.events.length;
    expect(huawei.control.expireGuid('40038')).toMatchObject({ ok: true });

    await expect.poll(() => statusesSince(live, 'huawei', mark)).toEqual(['reconnecting', 'signed-in']);
    expect(huawei.server.log.list('/forcelogin$')).toHaveLength(1);
    const callId = callIdOf(await live.dial('huawei', '70092'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
  });
});

describe('Genesys HTTP session', () => {
  it('expired: the Dial right after it goes through once (GWS takes the Basic credentials it carries)', async () => {
    const { sandbox, live } = await start(['genesys']);
    const { genesys } = sandbox.emulators;
    genesys.control.expireSession();

    const callId = callIdOf(await live.dial('genesys', '5001'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    expect(genesys.control.calls()).toHaveLength(1);
    expect(genesys.server.log.list('/devices/[^/]+/calls$')).toHaveLength(1);
  });

  it('a Dial refused for a lost session (403, statusCode 20) is not replayed, says nothing was dialled, and a redial works at once', async () => {
    const { sandbox, live } = await start(['genesys']);
    const { genesys } = sandbox.emulators;
    genesys.server.faults.add({ path: '/devices/[^/]+/calls$', action: 'respond', status: 403, body: { statusCode: 20, statusMessage: 'Access denied' } });

    const refused = await live.dial('genesys', '5001');
    expect(refused).toMatchObject({ ok: false, error: { code: 'VENDOR_REJECTED', message: expect.stringContaining('Nothing was dialled') } });
    expect(genesys.control.calls()).toHaveLength(0);

    const callId = callIdOf(await live.dial('genesys', '5001'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    expect(genesys.control.calls()).toHaveLength(1);
    expect(genesys.server.log.list('/devices/[^/]+/calls$')).toHaveLength(2);
  });

  it('expired while a call is live: the stream signs in again, resyncs, and the call is still followed', async () => {
    const { sandbox, live } = await start(['genesys']);
    const { genesys } = sandbox.emulators;
    const callId = callIdOf(await live.dial('genesys', '5001'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    const mark = live.events.length;
    genesys.control.expireSession();

    await expect.poll(() => statusesSince(live, 'genesys', mark), { timeout: 10_000 }).toContain('signed-in');
    genesys.control.remoteHangup(live.call(callId)?.vendorCallId ?? '');
    await expect.poll(() => live.call(callId)?.state).toBe('ended');
  });
});

describe('one vendor in trouble', () => {
  it('does not disturb the others: Genesys and Huawei lose their streams and sessions while every other profile dials', async () => {
    const { sandbox, live } = await start(['genesys', 'huawei', 'vonage', 'iovox', 'oracle']);
    const { genesys, huawei, vonage, oracle } = sandbox.emulators;
    genesys.server.faults.add({ path: '^/api/v2/', action: 'respond', status: 503, body: 'down', times: 50 });
    genesys.control.dropEventStream();
    huawei.server.faults.add({ path: '/agentgateway/', action: 'drop', times: 50 });
    vonage.server.faults.add({ path: '/calls/[^/]+$', method: 'GET', action: 'respond', status: 503, times: 3 });
    oracle.server.faults.add({ path: '/status$', action: 'respond', status: 502, body: '<html>Bad Gateway</html>', times: 3 });

    const placed = await Promise.all([live.dial('vonage', '+442072068888'), live.dial('iovox', '+449789123123'), live.dial('oracle', '+12026345789')]);
    const ids = placed.map(callIdOf);
    await expect.poll(() => ids.map((id) => live.call(id)?.state), { timeout: 10_000 }).toEqual(['ended', 'accepted', 'ended']);
    for (const profileId of ['vonage', 'iovox', 'oracle']) expect(live.session(profileId)?.status).toBe('signed-in');
    expect(live.session('genesys')?.status).not.toBe('signed-in');

    // Once the trouble is over, the two come back on their own and dial again.
    genesys.server.faults.clear();
    huawei.server.faults.clear();
    await live.signedIn(['genesys', 'huawei'], 15_000);
    const back = (await Promise.all([live.dial('genesys', '5001'), live.dial('huawei', '70092')])).map(callIdOf);
    await expect.poll(() => back.map((id) => live.call(id)?.state), { timeout: 10_000 }).toEqual(['connected', 'connected']);
  });
});
