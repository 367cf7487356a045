import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysEmulator, type GenesysEmulator, type GenesysEmulatorOptions } from '../../../sandbox/genesys';
import type { CallObservation, DialIntent, VendorAdapter } from '../adapter';
import { createTestAdapter, describeRequests, type RecordingHost, type TestAdapterOptions } from './testSupport';

const DEVICE_CALLS = '^/api/v2/me/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a/calls$';
const FIRST_CALL_ID = '013V08JRL498H1OI04000VTAES00000G';
const SECOND_CALL_ID = '01NOSKNPB8AT3D4MUTCJ82LAES000111';

let emulator: GenesysEmulator | undefined;
let adapter: VendorAdapter | undefined;

async function signedIn(
  emulatorOptions: Partial<GenesysEmulatorOptions> = {},
  adapterOptions: TestAdapterOptions = {},
): Promise<{ emulator: GenesysEmulator; adapter: VendorAdapter; host: RecordingHost }> {
  emulator = createGenesysEmulator({ cometdTimeoutMs: 500, publishDelayMs: { min: 5, max: 20 }, farEnd: 'manual', ...emulatorOptions });
  const created = createTestAdapter(await emulator.listen(0), adapterOptions);
  adapter = created.adapter;
  await adapter.signIn();
  return { emulator, ...created };
}

afterEach(async () => {
  await adapter?.dispose();
  await emulator?.close();
  adapter = undefined;
  emulator = undefined;
});

const phone = (number: string, postDial?: string): DialIntent['target'] => ({
  kind: 'phone',
  input: number,
  number,
  ...(postDial !== undefined ? { postDial } : {}),
});

async function dialed(host: RecordingHost, adapter: VendorAdapter, localId: string, intent: Partial<DialIntent> = {}): Promise<CallObservation> {
  host.track(localId, '5001');
  await adapter.dial({ localId, target: phone('5001'), ...intent });
  return host.waitForObservation((o) => o.localId === localId && o.state === 'dialing');
}

const states = (host: RecordingHost, localId: string): string[] => host.observationsOf(localId).map((o) => `${o.state}/${o.rawState}`);

describe('Genesys calls', () => {
  it('binds the Dialing event to the dial and follows it to connected and ended', async () => {
    const { emulator, adapter, host } = await signedIn({ farEnd: 'script', answerDelayMs: 100 });
    host.track('L1', '5001');

    await expect(adapter.dial({ localId: 'L1', target: phone('5001') })).resolves.toEqual({});
    const connected = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    expect(connected).toMatchObject({ vendorCallId: FIRST_CALL_ID, rawState: 'Established', sourceEvent: 'StatusChange' });
    expect(connected.actions).toEqual(['hangup', 'hold', 'dtmf']);
    await adapter.hangup({ localId: 'L1', vendorCallId: FIRST_CALL_ID });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');

    expect(states(host, 'L1')).toEqual(['dialing/Dialing', 'connected/Established', 'ended/Released']);
    expect(host.observationsOf('L1')[0]).toMatchObject({ vendorCallId: FIRST_CALL_ID, actions: ['hangup', 'dtmf'] });
    expect(host.observationsOf('L1').at(-1)?.actions).toEqual([]);
    const [dial] = emulator.server.log.list(DEVICE_CALLS);
    expect(JSON.parse(dial?.body ?? '')).toEqual({ operationName: 'Dial', destination: { phoneNumber: '5001' } });
  });

  it('sends userData, location and the caller id with the Dial', async () => {
    const { emulator, adapter, host } = await signedIn();
    await dialed(host, adapter, 'L1', {
      options: { vendor: 'genesys', userData: { CustomerSegment: 'Gold' }, location: 'London', outboundCallerId: '02071234567' },
    });
    const [dial] = emulator.server.log.list(DEVICE_CALLS);
    expect(JSON.parse(dial?.body ?? '')).toEqual({
      operationName: 'Dial',
      destination: { phoneNumber: '5001' },
      location: 'London',
      userData: { CustomerSegment: 'Gold' },
      outboundCallerId: '02071234567',
    });
    expect(emulator.control.call(FIRST_CALL_ID)?.userData).toEqual({ CustomerSegment: 'Gold' });
  });

  it('binds two dials to the same number in the order they were placed', async () => {
    const { adapter, host } = await signedIn();
    host.track('L1', '5001');
    host.track('L2', '5001');
    await Promise.all([adapter.dial({ localId: 'L1', target: phone('5001') }), adapter.dial({ localId: 'L2', target: phone('5001') })]);

    const first = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'dialing');
    const second = await host.waitForObservation((o) => o.localId === 'L2' && o.state === 'dialing');
    expect(first.vendorCallId).toBe(FIRST_CALL_ID);
    expect(second.vendorCallId).toBe(SECOND_CALL_ID);
  });

  it('holds, resumes, sends digits and hangs up, each only when the call allows it', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    const ref = { localId: 'L1', vendorCallId: dialing.vendorCallId ?? '' };

    await expect(adapter.hold?.(ref)).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
      message: 'Hold is not possible now: Genesys does not allow Hold while the call is Dialing.',
    });
    emulator.control.answer(ref.vendorCallId);
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    await adapter.hold?.(ref);
    const held = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'held');
    expect(held).toMatchObject({ rawState: 'Held', actions: ['hangup', 'retrieve'] });
    await expect(adapter.sendDigits?.(ref, '1')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });

    const afterHold = host.observations.length;
    await adapter.retrieve?.(ref);
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected', { from: afterHold });

    await adapter.sendDigits?.(ref, '12#');
    await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'DtmfSent');
    expect(emulator.control.call(ref.vendorCallId)?.dtmf).toEqual(['12#']);

    await adapter.hangup({ localId: 'L1' });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');

    expect(describeRequests(emulator.server.log.list(`^/api/v2/me/calls/${ref.vendorCallId}$`))).toEqual([
      `POST /api/v2/me/calls/${ref.vendorCallId} Hold`,
      `POST /api/v2/me/calls/${ref.vendorCallId} Retrieve`,
      `POST /api/v2/me/calls/${ref.vendorCallId} SendDtmf`,
      `POST /api/v2/me/calls/${ref.vendorCallId} Hangup`,
    ]);
  });

  it('refuses digits other than 0-9 * # without sending anything', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    emulator.control.answer(dialing.vendorCallId ?? '');
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    await expect(adapter.sendDigits?.({ localId: 'L1', vendorCallId: dialing.vendorCallId ?? '' }, '12a')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Only the digits 0-9, * and # can be sent as tones.',
    });
    expect(emulator.server.log.list('^/api/v2/me/calls/')).toEqual([]);
  });

  it('plays post-dial digits as DTMF once the call is established, with the pause between them', async () => {
    const { emulator, adapter, host } = await signedIn({}, { timings: { postDialPauseMs: 300 } });
    const dialing = await dialed(host, adapter, 'L1', { target: phone('5001', '1,2#') });
    const callId = dialing.vendorCallId ?? '';
    expect(emulator.control.call(callId)?.dtmf).toEqual([]);

    emulator.control.answer(callId);
    const firstTones = await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'DtmfSent');
    await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'DtmfSent', { from: host.observations.indexOf(firstTones) + 1 });

    expect(emulator.control.call(callId)?.dtmf).toEqual(['1', '2#']);
    const established = emulator.control.events(callId).find((event) => event.state === 'Established');
    const [first, second] = emulator.server.log.list(`^/api/v2/me/calls/${callId}$`);
    expect(first?.at).toBeGreaterThanOrEqual(established?.at ?? Infinity);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(295);
  });

  it('stops post-dial digits the call no longer accepts and says which digits were not sent', async () => {
    const { emulator, adapter, host } = await signedIn({}, { timings: { postDialPauseMs: 300 } });
    const dialing = await dialed(host, adapter, 'L1', { target: phone('5001', '1,2#') });
    const ref = { localId: 'L1', vendorCallId: dialing.vendorCallId ?? '' };
    emulator.control.answer(ref.vendorCallId);
    await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'DtmfSent');
    await adapter.hold?.(ref);

    const stopped = await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'Post-dial digits');

    expect(stopped).toMatchObject({ state: 'held', rawState: 'Held', failure: { code: 'POST_DIAL_FAILED', hint: 'Send the remaining digits (2#) with Send digits.' } });
    expect(stopped.failure?.message).toContain('Genesys does not allow SendDtmf while the call is Held');
    expect(emulator.control.call(ref.vendorCallId)?.dtmf).toEqual(['1']);
  });

  it('reports a call released before it was answered as failed, and one we hung up while dialing as ended', async () => {
    const { emulator, adapter, host } = await signedIn();
    const busy = await dialed(host, adapter, 'L1');
    emulator.control.busy(busy.vendorCallId ?? '');
    const failed = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'failed');
    expect(failed).toMatchObject({ rawState: 'Released', failure: { code: 'NOT_ANSWERED' } });
    expect(failed.failure?.message).toMatch(/no answer, busy or an invalid number/);

    const cancelled = await dialed(host, adapter, 'L2');
    await adapter.hangup({ localId: 'L2', vendorCallId: cancelled.vendorCallId ?? '' });
    const ended = await host.waitForObservation((o) => o.localId === 'L2' && (o.state === 'ended' || o.state === 'failed'));
    expect(ended).toMatchObject({ state: 'ended', rawState: 'Released' });
    expect(ended.failure).toBeUndefined();
  });

  it('carries the vendor words of an Error notification', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    emulator.control.fail(dialing.vendorCallId ?? '', 'Invalid destination', 57);
    const errored = await host.waitForObservation((o) => o.localId === 'L1' && o.failure !== undefined);
    expect(errored).toMatchObject({ state: 'dialing', sourceEvent: 'Error', failure: { code: '57', message: 'Invalid destination' } });
  });

  it('reports a call it did not place as discovered', async () => {
    const { emulator, host } = await signedIn();
    const inbound = emulator.control.inbound('5001');
    const ringing = await host.waitForObservation((o) => o.vendorCallId === inbound.id);
    expect(ringing).toMatchObject({
      state: 'ringing',
      rawState: 'Ringing',
      discovered: { direction: 'inbound', target: { kind: 'phone', number: '5001' } },
    });
    expect(ringing.localId).toBeUndefined();
  });

  it('rejects what Genesys cannot do before sending anything', async () => {
    const { emulator, adapter } = await signedIn();
    const attempts: Array<[DialIntent, string]> = [
      [{ localId: 'A', target: { kind: 'agent', agentId: '4567' } }, 'NOT_SUPPORTED'],
      [{ localId: 'B', target: phone('5001'), schedule: { kind: 'in', amount: 5, unit: 'minutes' } }, 'NOT_SUPPORTED'],
      [{ localId: 'C', target: phone('50a1') }, 'VALIDATION'],
      [{ localId: 'D', target: phone('5001', '1.2') }, 'NOT_SUPPORTED'],
      [{ localId: 'E', target: phone('5001', '1x') }, 'VALIDATION'],
    ];
    for (const [intent, code] of attempts) await expect(adapter.dial(intent), intent.localId).rejects.toMatchObject({ code });
    expect(emulator.server.log.list(DEVICE_CALLS)).toEqual([]);
  });

  it('reports each listed call on resync', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    await adapter.resync();
    expect(host.observationsOf('L1').at(-1)).toMatchObject({ vendorCallId: dialing.vendorCallId, state: 'dialing', sourceEvent: 'Resync' });
    expect(emulator.server.log.list('^/api/v2/me/calls$').map((r) => r.query)).toEqual(['?fields=*']);
  });

  it('dispose closes the event stream and leaves no timer behind (pending correlation, post-dial pause)', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    const { emulator, adapter, host } = await signedIn({}, { timings: { correlationTimeoutMs: 60_000, postDialPauseMs: 60_000 } });
    const dialing = await dialed(host, adapter, 'L1', { target: phone('5001', '1,2') });
    emulator.control.answer(dialing.vendorCallId ?? '');
    await host.waitForObservation((o) => o.localId === 'L1' && o.sourceEvent === 'DtmfSent');
    // Accepted but never reported: its correlation timer stays armed.
    emulator.server.faults.add({ path: DEVICE_CALLS, action: 'respond', status: 200, body: { statusCode: 0 }, times: 1 });
    host.track('L2', '5002');
    await adapter.dial({ localId: 'L2', target: phone('5002') });

    await adapter.dispose();
    await emulator.close();

    expect(timers()).toBeLessThanOrEqual(before);
  });
});
