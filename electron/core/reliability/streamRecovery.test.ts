import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { jitteredDelayMs } from '../../vendors/genesys/streamBackoff';
import { callIdOf, FAST_EMULATORS, startReliabilityCore, type ReliabilityCore, type TimingChanges } from './reliabilityHarness';

/**
 * The vendors' event streams (Genesys CometD, the Huawei long-poll) dropped, refused or
 * stalled, through the real core: the stream comes back with a bounded, jittered back-off,
 * the calls are read again from the vendor, and the renderer hears the session go
 * `reconnecting` and back to `signed-in`.
 */

let sandbox: Sandbox | undefined;
let live: ReliabilityCore | undefined;

afterEach(async () => {
  await live?.stop();
  await sandbox?.stop();
  live = undefined;
  sandbox = undefined;
});

async function start(profiles: string[], random?: () => number, timings?: TimingChanges): Promise<{ sandbox: Sandbox; live: ReliabilityCore }> {
  sandbox = await startSandbox({ ...FAST_EMULATORS, genesys: { ...FAST_EMULATORS.genesys, farEnd: 'manual' } });
  live = await startReliabilityCore(sandbox.urls, { profiles, ...(random ? { random } : {}), ...(timings ? { timings } : {}) });
  await live.signedIn();
  return { sandbox, live };
}

/** Session statuses the renderer heard after `from` (an index into the event list). */
const statusesSince = (core: ReliabilityCore, profileId: string, from: number): string[] =>
  core.events.slice(from).flatMap((event) => (event.type === 'session.updated' && event.session.profileId === profileId ? [event.session.status] : []));

describe('Genesys CometD stream', () => {
  it('dropped (402::Unknown client): re-handshakes, resyncs the call that changed meanwhile, and the renderer hears reconnecting → signed-in', async () => {
    const { sandbox, live } = await start(['genesys']);
    const { genesys } = sandbox.emulators;
    const callId = callIdOf(await live.dial('genesys', '5001'));
    await expect.poll(() => live.call(callId)?.state).toBe('dialing');
    const vendorCallId = live.call(callId)?.vendorCallId ?? '';
    const mark = live.events.length;
    const handshakes = genesys.server.log.list('/notifications/handshake$').length;
    // The answer is published while no client is subscribed: only the resync can tell.
    genesys.server.faults.add({ path: '/notifications/handshake$', action: 'delay', delayMs: 200 });
    genesys.control.dropEventStream();
    genesys.control.answer(vendorCallId);

    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    expect(live.call(callId)?.timeline.at(-1)).toMatchObject({ rawState: 'Established', sourceEvent: 'Resync' });
    await expect.poll(() => live.session('genesys')?.status).toBe('signed-in');
    expect(statusesSince(live, 'genesys', mark)).toEqual(['reconnecting', 'signed-in']);
    expect(genesys.server.log.list('/notifications/handshake$').length).toBe(handshakes + 1);
    expect(genesys.server.log.list('^/api/v2/me/calls$').length).toBeGreaterThan(0);
  });

  it('stalled (a held poll that never answers): CometD gives up on it, reconnects and resyncs', async () => {
    const { sandbox, live } = await start(['genesys'], undefined, { genesys: { bayeuxMaxNetworkDelayMs: 500 } });
    const { genesys } = sandbox.emulators;
    const mark = live.events.length;
    const callsReads = genesys.server.log.list('^/api/v2/me/calls$').length;
    // Longer than advice.timeout + the adapter's network delay: the client must cut it itself.
    genesys.server.faults.add({ path: '/notifications/connect$', action: 'delay', delayMs: 10_000 });

    await expect.poll(() => statusesSince(live, 'genesys', mark), { timeout: 10_000 }).toEqual(['reconnecting', 'signed-in']);
    expect(genesys.server.log.list('^/api/v2/me/calls$').length).toBeGreaterThan(callsReads);
    const callId = callIdOf(await live.dial('genesys', '5002'));
    await expect.poll(() => live.call(callId)?.state).toBe('dialing');
  });

  it('retries refused handshakes with a jittered back-off that grows by the increment and stops at the maximum', async () => {
    const backoff = { bayeuxBackoffIncrementMs: 50, bayeuxMaxBackoffMs: 200 };
    const { sandbox, live } = await start(['genesys'], () => 0.25, { genesys: backoff });
    const { genesys } = sandbox.emulators;
    const refusals = 8;
    genesys.server.faults.add({ path: '/notifications/handshake$', action: 'respond', status: 503, body: 'Service Unavailable', times: refusals });
    genesys.control.dropEventStream();

    await expect.poll(() => genesys.server.log.list('/notifications/handshake$').length, { timeout: 15_000 }).toBeGreaterThan(refusals + 1);
    await expect.poll(() => live.session('genesys')?.status, { timeout: 10_000 }).toBe('signed-in');
    const retries = live
      .logLines()
      .filter((line) => line.message === 'GWS CometD retry scheduled')
      .map((line) => line.fields as { action: string; delayMs: number; backoffMs: number });
    const { bayeuxBackoffIncrementMs: increment, bayeuxMaxBackoffMs: max } = backoff;
    const backoffs = retries.map((retry) => retry.backoffMs);
    expect(backoffs.every((backoff) => backoff % increment === 0 && backoff <= max)).toBe(true);
    expect(backoffs).toContain(max);
    expect(backoffs.filter((backoff) => backoff === max).length).toBeGreaterThan(1);
    for (const retry of retries) expect(retry.delayMs).toBe(jitteredDelayMs(retry.backoffMs, () => 0.25));
    expect(retries.some((retry) => retry.delayMs > 0 && retry.delayMs < retry.backoffMs)).toBe(true);
  });
});

describe('Huawei event poll', () => {
  it('dropped: reconnecting, polling again with a jittered back-off, signed in without a new sign-in, and the call goes on', async () => {
    let draws = 0;
    const { sandbox, live } = await start(['huawei'], () => {
      draws += 1;
      return 0.5;
    });
    const { huawei } = sandbox.emulators;
    const signIns = huawei.server.log.list('/onlineagent/40038$').length;
    const callId = callIdOf(await live.dial('huawei', '70093'));
    const mark = live.events.length;
    huawei.server.faults.add({ path: '/agentevent/40038$', action: 'drop', times: 3 });

    await expect.poll(() => statusesSince(live, 'huawei', mark)).toEqual(['reconnecting', 'signed-in']);
    expect(draws).toBeGreaterThanOrEqual(3);
    // 70093 answers, then the customer hangs up: every event queued at the gateway still arrives.
    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('ended');
    expect(huawei.server.log.list('/onlineagent/40038$')).toHaveLength(signIns);
  });

  it('stalled (a held poll past its deadline): polls again and keeps the session', async () => {
    const pollTimeoutMs = 1_000;
    const { sandbox, live } = await start(['huawei'], undefined, { huawei: { pollTimeoutMs } });
    const { huawei } = sandbox.emulators;
    const mark = live.events.length;
    huawei.server.faults.add({ path: '/agentevent/40038$', action: 'delay', delayMs: pollTimeoutMs + 2_000 });

    await expect.poll(() => statusesSince(live, 'huawei', mark), { timeout: 10_000 }).toEqual(['reconnecting', 'signed-in']);
    const callId = callIdOf(await live.dial('huawei', '70092'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
  });

  it('a poll answer that is not JSON, or an event that is not one, is skipped and polling goes on', async () => {
    const { sandbox, live } = await start(['huawei']);
    const { huawei } = sandbox.emulators;
    huawei.control.injectEvent('40038', { raw: '{"retcode":"0","event":{' });
    huawei.control.injectEvent('40038', { event: { eventType: 42 } });
    huawei.server.faults.add({ path: '/agentevent/40038$', action: 'delay', delayMs: 0, truncate: true });

    const callId = callIdOf(await live.dial('huawei', '70092'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    expect(live.session('huawei')?.status).toBe('signed-in');
  });
});
