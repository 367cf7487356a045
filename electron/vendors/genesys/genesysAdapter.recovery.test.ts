import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createGenesysEmulator, type GenesysEmulator, type GenesysEmulatorOptions } from '../../../sandbox/genesys';
import type { FaultSpec } from '../../../sandbox/framework/faults';
import type { CallObservation, DialIntent, VendorAdapter } from '../adapter';
import { createTestAdapter, describeRequests, type RecordingHost, type TestAdapterOptions } from './testSupport';

const DEVICE_CALLS = '^/api/v2/me/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a/calls$';

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

const intent = (localId: string): DialIntent => ({ localId, target: { kind: 'phone', input: '5001', number: '5001' } });

async function dialed(host: RecordingHost, adapter: VendorAdapter, localId: string): Promise<CallObservation> {
  host.track(localId, '5001');
  await adapter.dial(intent(localId));
  return host.waitForObservation((o) => o.localId === localId && o.state === 'dialing');
}

const fault = (spec: Partial<FaultSpec> & Pick<FaultSpec, 'path'>): FaultSpec => ({ action: 'respond', times: 1, ...spec });

/** Resolves when the emulator has received a request on a path matching `pattern`. */
function received(emulator: GenesysEmulator, pattern: string, count = 1): Promise<void> {
  return new Promise((resolve) => {
    const check = (): boolean => emulator.server.log.list(pattern).length >= count;
    if (check()) return resolve();
    const stop = emulator.server.log.onRecord(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });
}

describe('Genesys event stream recovery', () => {
  it('after 402::Unknown client re-handshakes, subscribes again, resyncs, and does not lose a change made meanwhile', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    const callId = dialing.vendorCallId ?? '';
    const mark = emulator.server.log.list().length;
    // A slow re-handshake leaves a window in which the answer is published to nobody.
    emulator.server.faults.add(fault({ path: '^/api/v2/notifications/handshake$', action: 'delay', delayMs: 300 }));

    emulator.control.dropEventStream();
    emulator.control.answer(callId);

    const connected = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    expect(connected).toMatchObject({ vendorCallId: callId, rawState: 'Established', sourceEvent: 'Resync' });
    const after = describeRequests(emulator.server.log.list().slice(mark)).filter((line) => !line.startsWith('/meta/connect'));
    expect(after).toEqual(['/meta/handshake', '/meta/subscribe /v2/me/calls', '/meta/subscribe /v2/me/devices', 'GET /api/v2/me/calls']);
    await host.waitForSession((s) => s.status === 'signed-in', { from: 2 });
    expect(host.sessions.map((s) => s.status)).toEqual(['signing-in', 'signed-in', 'reconnecting', 'signed-in']);

    // Events flow again on the new subscription.
    await adapter.hangup({ localId: 'L1', vendorCallId: callId });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended' && o.sourceEvent === 'StatusChange');
  });

  it('reports a call that ended while the stream was down as ended (Released (resync))', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    emulator.control.answer(dialing.vendorCallId ?? '');
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    emulator.server.faults.add(fault({ path: '^/api/v2/notifications/handshake$', action: 'delay', delayMs: 300 }));

    emulator.control.dropEventStream();
    emulator.control.remoteHangup(dialing.vendorCallId ?? '');

    const ended = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');
    expect(ended).toMatchObject({ vendorCallId: dialing.vendorCallId, rawState: 'Released (resync)', sourceEvent: 'Resync', actions: [] });
  });

  it('when the HTTP session expires signs in again with Basic, re-handshakes and keeps following calls', async () => {
    const { emulator, adapter, host } = await signedIn();
    const mark = emulator.server.log.list().length;

    emulator.control.expireSession();

    await host.waitForSession((s) => s.status === 'signed-in', { from: 2 });
    const after = describeRequests(emulator.server.log.list().slice(mark)).filter((line) => !line.startsWith('/meta/connect'));
    expect(after.slice(0, 5)).toEqual(['GET /api/v2/me', '/meta/handshake', '/meta/subscribe /v2/me/calls', '/meta/subscribe /v2/me/devices', 'GET /api/v2/me/calls']);
    const dialing = await dialed(host, adapter, 'L1');
    expect(dialing.vendorCallId).toBeDefined();
  });

  it('ignores and logs malformed events, and keeps working', async () => {
    const { emulator, adapter, host } = await signedIn();
    // The next long-poll reply carries malformed events next to a valid /meta/connect reply.
    const lastConnect = emulator.server.log.list('^/api/v2/notifications/connect$').at(-1);
    const lastId = Number((JSON.parse(lastConnect?.body ?? '[]') as Array<{ id: string }>)[0]?.id);
    emulator.server.faults.add(
      fault({
        path: '^/api/v2/notifications/connect$',
        status: 200,
        body: [
          { channel: '/v2/me/calls', data: { messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call: { state: 42 } } },
          { channel: '/v2/me/calls', data: 'not an object' },
          { channel: '/v2/me/calls', data: { call: { id: 'X1', state: 'Dialing' } } },
          { channel: '/v2/me/calls', data: { messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call: { id: 'X2', state: 'Exploded' } } },
          { channel: '/v2/me/devices', data: { messageType: 'DeviceStateChangeMessage', devices: 'none' } },
          { id: String(lastId + 1), channel: '/meta/connect', successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 500 } },
        ],
      }),
    );

    const warned = (message: string): boolean => host.logs.some((entry) => entry.level === 'warn' && entry.message === message);
    await received(emulator, '^/api/v2/notifications/connect$', emulator.server.log.list('^/api/v2/notifications/connect$').length + 2);
    expect(warned('Ignored a malformed GWS call event')).toBe(true);
    expect(warned('Ignored a GWS event without a message type')).toBe(true);
    expect(warned('Ignored a GWS call event')).toBe(true);
    expect(host.observations.filter((o) => o.vendorCallId === 'X1' || o.vendorCallId === 'X2')).toEqual([]);

    const dialing = await dialed(host, adapter, 'L1');
    expect(dialing.rawState).toBe('Dialing');
  });
});

describe('Genesys REST session loss', () => {
  it('signs in again and retries a call operation refused with 403 statusCode 20', async () => {
    const { emulator, adapter, host } = await signedIn();
    const dialing = await dialed(host, adapter, 'L1');
    const callId = dialing.vendorCallId ?? '';
    const mark = emulator.server.log.list().length;
    emulator.server.faults.add(fault({ path: `^/api/v2/me/calls/${callId}$`, status: 403, body: { statusCode: 20, statusMessage: 'Access denied' } }));

    await adapter.hangup({ localId: 'L1', vendorCallId: callId });

    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');
    const after = describeRequests(emulator.server.log.list().slice(mark)).filter((line) => !line.startsWith('/meta/'));
    expect(after.slice(0, 3)).toEqual([`POST /api/v2/me/calls/${callId} Hangup`, 'GET /api/v2/me', `POST /api/v2/me/calls/${callId} Hangup`]);
  });

  it('renews a rejected CSRF token and retries a call operation', async () => {
    const { emulator, adapter, host } = await signedIn({ csrf: true });
    const dialing = await dialed(host, adapter, 'L1');
    const callId = dialing.vendorCallId ?? '';
    emulator.server.faults.add(fault({ path: `^/api/v2/me/calls/${callId}$`, status: 403, body: 'Missing or invalid Csrf token' }));

    await adapter.hangup({ localId: 'L1', vendorCallId: callId });

    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');
    expect(emulator.server.log.list(`^/api/v2/me/calls/${callId}$`)).toHaveLength(2);
  });

  it('never replays a Dial refused with 403 statusCode 20: renews the session and says nothing was dialled', async () => {
    const { emulator, adapter, host } = await signedIn();
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, status: 403, body: { statusCode: 20, statusMessage: 'Access denied' } }));
    host.track('L1', '5001');

    const error = await adapter.dial(intent('L1')).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VENDOR_REJECTED', vendorMessage: 'Access denied', hint: 'The session has been renewed: dial again.' });
    expect((error as AppError).message).toContain('Nothing was dialled');
    expect(emulator.server.log.list(DEVICE_CALLS)).toHaveLength(1);
    expect(describeRequests(emulator.server.log.list().filter((r) => !r.path.startsWith('/api/v2/notifications'))).at(-1)).toBe('GET /api/v2/me');
    // The renewed session dials.
    await dialed(host, adapter, 'L2');
  });
});

describe('Genesys Dial with an unclear outcome', () => {
  const unclear: Array<[string, Partial<FaultSpec>]> = [
    ['HTTP 503 without a body the softphone can read', { status: 503, body: 'Service Unavailable' }],
    ['HTTP 500 with statusCode 4', { status: 500, body: { statusCode: 4, statusMessage: "Device '5005' is not registered." } }],
    ['a dropped connection', { action: 'drop' }],
    ['a reply cut in half', { status: 200, body: { statusCode: 0 }, truncate: true }],
  ];

  it.each(unclear)('%s is OUTCOME_UNKNOWN, with exactly one Dial sent and a resync', async (_name, spec) => {
    const { emulator, adapter, host } = await signedIn();
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, ...spec }));
    host.track('L1', '5001');

    const error = await adapter.dial(intent('L1')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect((error as AppError).message).toMatch(/the call may have been placed/);
    expect((error as AppError).hint).toMatch(/Active calls panel/);
    await received(emulator, '^/api/v2/me/calls$');
    expect(emulator.server.log.list(DEVICE_CALLS)).toHaveLength(1);
  });

  it('keeps the vendor words of a 500 reply', async () => {
    const { emulator, adapter } = await signedIn();
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, status: 500, body: { statusCode: 4, statusMessage: "Device '5005' is not registered." } }));
    await expect(adapter.dial(intent('L1'))).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', vendorMessage: "Device '5005' is not registered." });
  });

  it('on a timeout is OUTCOME_UNKNOWN, sends one Dial, and binds the call when GWS reports it after all', async () => {
    const { emulator, adapter, host } = await signedIn({}, { timings: { requestTimeoutMs: 300 } });
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, action: 'delay', delayMs: 800 }));
    host.track('L1', '5001');

    await expect(adapter.dial(intent('L1'))).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });

    const dialing = await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'dialing');
    expect(dialing.rawState).toBe('Dialing');
    expect(emulator.server.log.list(DEVICE_CALLS)).toHaveLength(1);
  });

  it('reports a refused Dial with the vendor words and does not bind a later call to it', async () => {
    const { emulator, adapter, host } = await signedIn();
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, status: 400, body: { statusCode: 1, statusMessage: "Required parameter 'destination' is missing" } }));
    host.track('L1', '5001');

    await expect(adapter.dial(intent('L1'))).rejects.toMatchObject({
      code: 'VENDOR_REJECTED',
      vendorMessage: "Required parameter 'destination' is missing",
      message: "Dial refused by Genesys: Required parameter 'destination' is missing",
    });
    const second = await dialed(host, adapter, 'L2');
    expect(second.localId).toBe('L2');
    expect(host.observationsOf('L1')).toEqual([]);
  });

  it('fails a dial GWS accepted but never reported, after looking for it in a resync', async () => {
    const { emulator, adapter, host } = await signedIn({}, { timings: { correlationTimeoutMs: 300 } });
    // Accepted, but the request never reaches the emulator's telephony: no call exists.
    emulator.server.faults.add(fault({ path: DEVICE_CALLS, status: 200, body: { statusCode: 0 } }));
    host.track('L1', '5001');

    await adapter.dial(intent('L1'));

    const failed = await host.waitForObservation((o) => o.localId === 'L1');
    expect(failed).toMatchObject({ state: 'failed', rawState: 'No call reported', failure: { code: 'NOT_REPORTED' } });
    expect(emulator.server.log.list('^/api/v2/me/calls$')).toHaveLength(1);
  });
});
