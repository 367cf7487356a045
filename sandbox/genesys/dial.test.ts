import { afterEach, describe, expect, it } from 'vitest';
import { CAPABILITIES } from './calls/capabilities';
import type { CometdRecorder } from './testSupport/cometdRecorder';
import type { GwsHttp } from './testSupport/gwsHttp';
import { dial, operate, signedInAgent, startEmulator, type Running } from './testSupport/harness';
import type { GenesysEmulatorOptions } from './options';

let running: Running | undefined;
let events: CometdRecorder | undefined;

afterEach(async () => {
  await events?.stop();
  await running?.emulator.close();
  running = undefined;
  events = undefined;
});

async function agent(options: Partial<GenesysEmulatorOptions> = {}): Promise<{ http: GwsHttp; events: CometdRecorder; running: Running }> {
  running = await startEmulator(options);
  const signedIn = await signedInAgent(running.url, ['/v2/me/calls']);
  events = signedIn.events;
  return { ...signedIn, running };
}

const callOf = (message: { data?: unknown }) => (message.data as { call: Record<string, unknown> }).call;

/** Dial Sample #1 of vendor-docs/genesys-gws-dial.txt, verbatim. */
const SAMPLE_1_DATA = {
  messageType: 'CallStateChangeMessage',
  notificationType: 'StatusChange',
  extensions: { WrapUpTime: 0, BusinessCall: 0 },
  call: {
    id: '013V08JRL498H1OI04000VTAES00000G',
    connId: '0072026cb98d140f',
    state: 'Dialing',
    callUuid: '013V08JRL498H1OI04000VTAES00000G',
    deviceUri: 'http://127.0.0.1:8080/api/v2/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
    uri: 'http://127.0.0.1:8080/api/v2/me/calls/013V08JRL498H1OI04000VTAES00000G',
    participants: ['5001'],
    participantsInfo: [{ digits: '5001', e164Number: '5001', formattedPhoneNumber: '5001' }],
    dnis: '5001',
    callType: 'Internal',
    capabilities: ['DeleteUserDataPair', 'AttachUserData', 'Hangup', 'DeleteUserData', 'SendDtmf', 'UpdateUserData'],
    duration: '0',
    mute: 'Off',
    supervisorListeningIn: false,
    monitoredUserMuted: false,
  },
  phoneNumber: '5005',
};

describe('Dial', () => {
  it('replies {"statusCode":0} without a call id, then publishes Dial Sample #1 and Sample #2 verbatim', async () => {
    const { http, events } = await agent({ baseUrl: 'http://127.0.0.1:8080', farEnd: 'manual' });

    const reply = await dial(http, '5001');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ statusCode: 0 });
    const first = await events.waitForCall('013V08JRL498H1OI04000VTAES00000G', 'Dialing');
    expect(first).toEqual({ channel: '/v2/me/calls', data: SAMPLE_1_DATA });

    await dial(http, '5001', { userData: { CustomerSegment: 'Gold' } });
    const second = await events.waitForCall('01NOSKNPB8AT3D4MUTCJ82LAES000111', 'Dialing');
    expect(callOf(second)).toEqual({
      ...SAMPLE_1_DATA.call,
      id: '01NOSKNPB8AT3D4MUTCJ82LAES000111',
      connId: '0072026cb98d140e',
      callUuid: '01NOSKNPB8AT3D4MUTCJ82LAES000111',
      uri: 'http://127.0.0.1:8080/api/v2/me/calls/01NOSKNPB8AT3D4MUTCJ82LAES000111',
      userData: { CustomerSegment: 'Gold' },
    });
  });

  it('generates 32-character [0-9A-Z] ids and 16-hex connIds after the documented ones', async () => {
    const { http, events } = await agent({ farEnd: 'manual' });
    for (const number of ['5001', '5002', '5003']) await dial(http, number);

    const third = callOf(await events.waitFor((message) => callOf(message).dnis === '5003', 'third Dialing'));
    expect(third.id).toMatch(/^[0-9A-Z]{32}$/);
    expect(third.callUuid).toBe(third.id);
    expect(third.connId).toMatch(/^[0-9a-f]{16}$/);
    expect(third.id).not.toBe('013V08JRL498H1OI04000VTAES00000G');
  });

  it('marks destinations of more than 5 digits as Outbound and uses the server URL in payload URIs', async () => {
    const { http, events, running } = await agent({ farEnd: 'manual' });
    await dial(http, '+442079460123');

    const call = callOf(await events.waitFor((message) => callOf(message).dnis === '+442079460123', 'Dialing'));
    expect(call.callType).toBe('Outbound');
    expect(call.deviceUri).toBe(`${running.url}/api/v2/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a`);
  });

  it('answers after the answer delay: Dialing → Established → (Hangup) Released, each with its capabilities', async () => {
    const { http, events } = await agent();
    await dial(http, '5001');
    const callId = await events.dialedCallId('5001');

    const established = await events.waitForCall(callId, 'Established');
    expect(callOf(established).capabilities).toEqual(CAPABILITIES.Established);
    expect(typeof callOf(established).duration).toBe('string');
    expect((await operate(http, callId, 'Hangup')).json).toEqual({ statusCode: 0 });
    const released = await events.waitForCall(callId, 'Released');
    expect(callOf(released).capabilities).toEqual([]);

    expect(events.callMessages(callId).map((data) => (data.call as { state: string }).state)).toEqual(['Dialing', 'Established', 'Released']);
    expect(callOf(await events.waitForCall(callId, 'Dialing')).capabilities).toEqual(CAPABILITIES.Dialing);
  });

  it('releases a busy destination (ending in 9) without answering it', async () => {
    const { http, events } = await agent();
    await dial(http, '5009');
    const callId = await events.dialedCallId('5009');

    await events.waitForCall(callId, 'Released');
    expect(events.callMessages(callId).map((data) => (data.call as { state: string }).state)).toEqual(['Dialing', 'Released']);
  });

  it('releases an unanswered destination (ending in 8) after the no-answer timeout', async () => {
    const { http, events, running } = await agent({ noAnswerTimeoutMs: 80 });
    await dial(http, '5008');
    const callId = await events.dialedCallId('5008');

    await events.waitForCall(callId, 'Released');
    expect(running.emulator.control.call(callId)).toMatchObject({ outcome: 'no-answer', states: ['Dialing', 'Released'] });
  });

  it('reports an invalid destination (starting 000) with an Error notification, then releases it', async () => {
    const { http, events } = await agent();
    await dial(http, '000123');
    const callId = await events.dialedCallId('000123');

    const error = await events.waitForCall(callId, 'Dialing', 'Error');
    expect(error.data).toMatchObject({ notificationType: 'Error', errorMessage: 'Invalid called DN', errorCode: 71 });
    await events.waitForCall(callId, 'Released');
    expect(events.callMessages(callId).map((data) => data.notificationType)).toEqual(['StatusChange', 'Error', 'StatusChange']);
  });

  it('lists a live call in GET /api/v2/me/calls and drops it once Released', async () => {
    const { http, events } = await agent({ farEnd: 'manual' });
    await dial(http, '5001', { userData: { Product: 'Guitars' } });
    const callId = await events.dialedCallId('5001');

    const list = await http.get('/api/v2/me/calls?fields=*');
    expect(list.json).toMatchObject({ statusCode: 0, calls: [{ id: callId, state: 'Dialing', userData: { Product: 'Guitars' } }] });
    const uris = await http.get('/api/v2/me/calls');
    expect(uris.json).toEqual({ statusCode: 0, uris: [`${http.baseUrl}/api/v2/me/calls/${callId}`] });
    expect((await http.get(`/api/v2/me/calls/${callId}`)).json).toMatchObject({ statusCode: 0, call: { id: callId, state: 'Dialing' } });

    await operate(http, callId, 'Hangup');
    await events.waitForCall(callId, 'Released');
    expect((await http.get('/api/v2/me/calls?fields=*')).json).toEqual({ statusCode: 0, calls: [] });
    const gone = await http.get(`/api/v2/me/calls/${callId}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ statusCode: 6 });
  });

  it('cancels the far end when the agent hangs up while Dialing', async () => {
    const { http, events, running } = await agent();
    await dial(http, '5001');
    const hungUp = await events.dialedCallId('5001');
    await operate(http, hungUp, 'Hangup');
    await events.waitForCall(hungUp, 'Released');

    // A later call with the same answer delay is answered after the first one's timer would have fired.
    await dial(http, '5002');
    await events.waitForCall(await events.dialedCallId('5002'), 'Established');
    expect(running.emulator.control.call(hungUp)?.states).toEqual(['Dialing', 'Released']);
  });
});
