import { afterEach, describe, expect, it } from 'vitest';
import { isFinalState, type Vendor } from '../../../shared/callModel';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { callIdOf, FAST_EMULATORS, startReliabilityCore, type ReliabilityCore } from './reliabilityHarness';

/**
 * `core.resume()`, which Electron's powerMonitor calls on `resume` and `unlock-screen`. A
 * sleep is simulated on the wire: held event connections that will not answer (a socket
 * that died while the lid was shut), a Huawei heartbeat that lapses meanwhile, an expired
 * Vonage token, and far ends that hang up while nobody is looking. The adapters' own
 * deadlines and poll periods are set to a minute, so only the resume can explain a quick
 * recovery.
 */

let sandbox: Sandbox | undefined;
let live: ReliabilityCore | undefined;

afterEach(async () => {
  await live?.stop();
  await sandbox?.stop();
  live = undefined;
  sandbox = undefined;
});

const MINUTE = 60_000;
const SLOW_BY_ITSELF = {
  genesys: { bayeuxMaxNetworkDelayMs: MINUTE },
  huawei: { pollTimeoutMs: MINUTE },
  vonage: { pollIntervalMs: MINUTE },
  oracle: { statusPollMs: MINUTE },
};

const requestsTo = (sandbox: Sandbox, vendor: Vendor, path = ''): number => sandbox.emulators[vendor].server.log.list(path).length;

/** Resolves once the emulator has received a request on `path` after `count` of them. */
async function nextRequest(sandbox: Sandbox, vendor: Vendor, path: string, count: number): Promise<void> {
  await expect.poll(() => requestsTo(sandbox, vendor, path)).toBeGreaterThan(count);
}

const statusesSince = (core: ReliabilityCore, profileId: string, from: number): string[] =>
  core.events.slice(from).flatMap((event) => (event.type === 'session.updated' && event.session.profileId === profileId ? [event.session.status] : []));

describe('resume from sleep', () => {
  it('reconnects and resyncs every signed-in session: each call that ended during the sleep is reported ended', async () => {
    sandbox = await startSandbox({
      ...FAST_EMULATORS,
      huawei: { ...FAST_EMULATORS.huawei, maxTimeMs: 1_500 },
      vonage: { ...FAST_EMULATORS.vonage, answeredCallMs: 10 * MINUTE },
      oracle: { timeScale: 1 },
    });
    const emulators = sandbox.emulators;
    live = await startReliabilityCore(sandbox.urls, { timings: SLOW_BY_ITSELF });
    await live.signedIn();
    const calls = {
      genesys: callIdOf(await live.dial('genesys', '5001')),
      huawei: callIdOf(await live.dial('huawei', '70092')),
      vonage: callIdOf(await live.dial('vonage', '+442072068888')),
      oracle: callIdOf(await live.dial('oracle', '+12026345789')),
    };
    const state = (vendor: keyof typeof calls) => live?.call(calls[vendor])?.state;
    await expect.poll(() => [state('genesys'), state('huawei'), state('vonage'), state('oracle')]).toEqual(['connected', 'connected', 'dialing', 'dialing']);
    const vendorId = (vendor: keyof typeof calls): string => live?.call(calls[vendor])?.vendorCallId ?? '';

    // Asleep: the held Bayeux poll and Huawei poll will not answer...
    const connects = requestsTo(sandbox, 'genesys', '/notifications/connect$');
    emulators.genesys.server.faults.add({ path: '/notifications/connect$', action: 'delay', delayMs: 2 * MINUTE });
    await nextRequest(sandbox, 'genesys', '/notifications/connect$', connects);
    const polls = requestsTo(sandbox, 'huawei', '/agentevent/40038$');
    emulators.huawei.server.faults.add({ path: '/agentevent/40038$', action: 'delay', delayMs: 2 * MINUTE });
    await nextRequest(sandbox, 'huawei', '/agentevent/40038$', polls);
    // ...so the gateway's heartbeat lapses and it signs the agent out (ending the call)...
    await expect.poll(() => emulators.huawei.control.agent('40038')?.signedIn, { timeout: 10_000 }).toBe(false);
    // ...VCC's token expires, and the far ends hang up.
    emulators.vonage.control.expireTokens();
    emulators.genesys.control.remoteHangup(vendorId('genesys'));
    emulators.vonage.control.hangUp(vendorId('vonage'));
    expect(emulators.oracle.control.act(vendorId('oracle'), 'disconnect')).toBe(true);
    const stalledConnects = requestsTo(sandbox, 'genesys', '/notifications/connect$');
    const iovoxRequests = requestsTo(sandbox, 'iovox');
    const huaweiSignIns = requestsTo(sandbox, 'huawei', '/onlineagent/40038$');
    const tokens = requestsTo(sandbox, 'vonage', '/oauth2/token$');
    const mark = live.events.length;

    live.core.resume();

    await expect.poll(() => [state('genesys'), state('huawei'), state('vonage')], { timeout: 10_000 }).toEqual(['ended', 'ended', 'ended']);
    await expect.poll(() => isFinalState(state('oracle') ?? 'unknown'), { timeout: 10_000 }).toBe(true);
    expect(live.call(calls.huawei)?.timeline.at(-1)).toMatchObject({ rawState: 'callinfo: no call' });
    // The stalled Bayeux poll was cut and the stream polls again (it would have hung for minutes).
    await expect.poll(() => requestsTo(sandbox as Sandbox, 'genesys', '/notifications/connect$')).toBeGreaterThan(stalledConnects);
    expect(statusesSince(live, 'huawei', mark)).toEqual(['reconnecting', 'signed-in']);
    expect(requestsTo(sandbox, 'huawei', '/onlineagent/40038$')).toBe(huaweiSignIns + 1);
    expect(requestsTo(sandbox, 'vonage', '/oauth2/token$')).toBe(tokens + 1);
    expect(requestsTo(sandbox, 'iovox')).toBe(iovoxRequests);
    await live.signedIn();

    // And everything works again.
    const after = (await Promise.all([live.dial('genesys', '5002'), live.dial('huawei', '70092')])).map(callIdOf);
    await expect.poll(() => after.map((id) => live?.call(id)?.state)).toEqual(['connected', 'connected']);
  });

  it('signs in a session that fell over, leaves one the user signed out alone, and joins resume + unlock into one reconnect', async () => {
    sandbox = await startSandbox(FAST_EMULATORS);
    const { iovox, huawei, oracle } = sandbox.emulators;
    // IOVOX's sign-in check fails at start, as it would on a network that is not up yet.
    iovox.server.faults.add({ path: '^/Calls$', action: 'respond', status: 503, body: 'Service Unavailable' });
    live = await startReliabilityCore(sandbox.urls, { profiles: ['iovox', 'huawei', 'oracle'] });
    await expect.poll(() => live?.session('iovox')?.status).toBe('error');
    await live.signedIn(['huawei', 'oracle']);
    expect(await live.core.dispatch('session.signOut', { profileId: 'oracle' })).toMatchObject({ ok: true });
    const oracleRequests = requestsTo(sandbox, 'oracle');
    const callinfo = requestsTo(sandbox, 'huawei', '/callinfo$');

    // Electron sends both on a wake-up with a locked screen.
    live.core.resume();
    live.core.resume();

    await expect.poll(() => live?.session('iovox')?.status).toBe('signed-in');
    await expect.poll(() => requestsTo(sandbox as Sandbox, 'huawei', '/callinfo$')).toBe(callinfo + 1);
    expect(live.session('oracle')?.status).toBe('signed-out');
    expect(requestsTo(sandbox, 'oracle')).toBe(oracleRequests);
    expect(huawei.control.agent('40038')?.signedIn).toBe(true);
    expect(oracle.control.sessions()).toHaveLength(2);
  });
});
