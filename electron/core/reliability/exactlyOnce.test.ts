import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vendor } from '../../../shared/callModel';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { callIdOf, FAST_EMULATORS, PROFILE_OF, startReliabilityCore, type ReliabilityCore } from './reliabilityHarness';

/**
 * One user intent, one vendor request, counted at the emulator: repeats of one intent, many
 * intents for the same target while the first is on its way (a double click, the same tel:
 * link opened again), the same target again right after (hammering Call, a held Enter key),
 * and a dial racing a reconnect of the event stream.
 */

const CREATE: Readonly<Record<Vendor, { path: string; method: string; number: string }>> = {
  genesys: { path: '/api/v2/me/devices/[^/]+/calls$', method: 'POST', number: '5001' },
  huawei: { path: '/voicecall/40038/callout$', method: 'PUT', number: '70092' },
  vonage: { path: '/v0/a1b2c3d4e5/calls/?$', method: 'POST', number: '+442072068888' },
  iovox: { path: '^/Calling$', method: 'POST', number: '+449789123123' },
  oracle: { path: '^/call/2\\.0/367901/', method: 'POST', number: '+12026345789' },
};

const VENDORS = Object.keys(CREATE) as Vendor[];

let sandbox: Sandbox | undefined;
let live: ReliabilityCore | undefined;

afterEach(async () => {
  await live?.stop();
  await sandbox?.stop();
  live = undefined;
  sandbox = undefined;
});

async function start(vendor: Vendor): Promise<{ sandbox: Sandbox; live: ReliabilityCore }> {
  sandbox = await startSandbox(FAST_EMULATORS);
  live = await startReliabilityCore(sandbox.urls, { profiles: [PROFILE_OF[vendor]] });
  await live.signedIn();
  return { sandbox, live };
}

const creates = (sandbox: Sandbox, vendor: Vendor): number =>
  sandbox.emulators[vendor].server.log.list(CREATE[vendor].path).filter((request) => request.method === CREATE[vendor].method).length;

describe.each(VENDORS)('%s: one call per intent', (vendor) => {
  const profileId = PROFILE_OF[vendor];
  const { number } = CREATE[vendor];

  it('the same intent sent ten times at once, and again afterwards, is one request and one call', async () => {
    const { sandbox, live } = await start(vendor);
    const intent = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => live.dial(profileId, number, intent)));
    const ids = new Set(outcomes.map(callIdOf));
    expect(ids.size).toBe(1);
    expect(callIdOf(await live.dial(profileId, number, intent))).toBe([...ids][0]);
    expect(creates(sandbox, vendor)).toBe(1);
  });

  it('ten intents for the same number while the first is on its way (double click, the same tel: link again) join it', async () => {
    const { sandbox, live } = await start(vendor);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => live.dial(profileId, number)));
    expect(new Set(outcomes.map(callIdOf)).size).toBe(1);
    expect(creates(sandbox, vendor)).toBe(1);
  });

  it('hammering Call or a held Enter key, each press after the previous one was answered, is one request', async () => {
    const { sandbox, live } = await start(vendor);
    const first = callIdOf(await live.dial(profileId, number));
    for (let press = 0; press < 20; press += 1) expect(callIdOf(await live.dial(profileId, number))).toBe(first);
    expect(creates(sandbox, vendor)).toBe(1);
  });
});

describe('a dial racing a reconnect', () => {
  it('Genesys: the event stream dropped as the Dial goes out — one Dial, and the call is found by the resync or its events', async () => {
    const { sandbox, live } = await start('genesys');
    const pending = live.dial('genesys', '5001');
    sandbox.emulators.genesys.control.dropEventStream();
    const callId = callIdOf(await pending);
    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('connected');
    expect(creates(sandbox, 'genesys')).toBe(1);
    expect(sandbox.emulators.genesys.control.calls()).toHaveLength(1);
  });

  it('Huawei: the held poll and every pooled connection cut as the callout goes out — one callout, followed to connected', async () => {
    const { sandbox, live } = await start('huawei');
    const pending = live.dial('huawei', '70092');
    sandbox.emulators.huawei.server.dropConnections();
    const callId = callIdOf(await pending);
    await expect.poll(() => live.call(callId)?.state, { timeout: 10_000 }).toBe('connected');
    expect(creates(sandbox, 'huawei')).toBe(1);
    expect(live.session('huawei')?.status).toBe('signed-in');
  });
});

describe('the only automatic repeats of a call-creating request, where the vendor proves nothing happened', () => {
  it('Vonage 401: one new token, the POST sent once more, one call', async () => {
    const { sandbox, live } = await start('vonage');
    sandbox.emulators.vonage.control.force({ status: 401, message: 'Authorization has been denied for this request.', on: 'create', times: 1 });
    const callId = callIdOf(await live.dial('vonage', '+442072068888'));
    await expect.poll(() => live.call(callId)?.state).toBe('ended');
    expect(creates(sandbox, 'vonage')).toBe(2);
    expect(sandbox.emulators.vonage.control.calls()).toHaveLength(1);
  });

  it('Huawei 000-003 for a GUID replaced while the callout was on its way: sent once more with the new GUID, one call', async () => {
    const { sandbox, live } = await start('huawei');
    const { huawei } = sandbox.emulators;
    const placed = new Set<string>();
    huawei.onEmit((_agent, _type, callId) => {
      if (callId !== undefined) placed.add(callId);
    });
    // The gateway takes its time and then refuses the GUID the callout came with; meanwhile a poll brings a new one.
    huawei.server.faults.add({ path: '/callout$', action: 'respond', delayMs: 400, status: 200, body: { message: '', retcode: '000-003' } });
    huawei.control.rotateGuid('40038');

    const callId = callIdOf(await live.dial('huawei', '70092'));
    await expect.poll(() => live.call(callId)?.state).toBe('connected');
    const callouts = huawei.server.log.list(CREATE.huawei.path);
    expect(callouts).toHaveLength(2);
    expect(callouts[0]?.headers.guid).not.toBe(callouts[1]?.headers.guid);
    expect(placed.size).toBe(1);
  });

  it('Huawei 000-003 for the GUID still in use is not repeated: the session is recovered and the dial reports the refusal', async () => {
    const { sandbox, live } = await start('huawei');
    sandbox.emulators.huawei.server.faults.add({ path: '/callout$', action: 'respond', status: 200, body: { message: '', retcode: '000-003' } });
    const outcome = await live.dial('huawei', '70092');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VENDOR_REJECTED' } });
    expect(creates(sandbox, 'huawei')).toBe(1);
    await live.signedIn();
  });
});
