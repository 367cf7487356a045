import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GwsHttp } from './testSupport/gwsHttp';
import { DEVICE_PATH, agentClient, dial, operate, signIn, startEmulator, type Running } from './testSupport/harness';

let running: Running;
let http: GwsHttp;

beforeEach(async () => {
  running = await startEmulator({ farEnd: 'manual' });
  http = agentClient(running.url);
});

afterEach(async () => {
  await running.emulator.close();
});

/** The Dialing of the one call this test placed (farEnd is manual, so it stays Dialing). */
async function dialingCall(): Promise<string> {
  await dial(http, '5001');
  const [call] = running.emulator.control.calls();
  if (!call) throw new Error('no call was created');
  return call.id;
}

describe('Dial validation (nothing is created)', () => {
  it.each([
    ['no destination', { operationName: 'Dial' }, 400, { statusCode: 1, statusMessage: "Required parameter 'destination' is missing" }],
    ['no phoneNumber', { operationName: 'Dial', destination: {} }, 400, { statusCode: 1, statusMessage: "Required parameter 'destination' is missing" }],
    ['an empty phoneNumber', { operationName: 'Dial', destination: { phoneNumber: '' } }, 400, { statusCode: 1, statusMessage: "Required parameter 'destination' is missing" }],
    ['no operationName', { destination: { phoneNumber: '5001' } }, 400, { statusCode: 1, statusMessage: "Required parameter 'operationName' is missing" }],
    ['another operationName', { operationName: 'Call', destination: { phoneNumber: '5001' } }, 400, { statusCode: 2, statusMessage: "Parameter 'operationName' is not valid" }],
    ['userData that is not an object', { operationName: 'Dial', destination: { phoneNumber: '5001' }, userData: 'Gold' }, 400, { statusCode: 2, statusMessage: "Parameter 'userData' is not valid" }],
  ])('rejects %s', async (_case, body, status, reply) => {
    await signIn(http);
    const response = await http.post(DEVICE_PATH, body);
    expect(response.status).toBe(status);
    expect(response.json).toEqual(reply);
    expect(running.emulator.control.calls()).toEqual([]);
  });

  it('rejects a body that is not JSON as missing parameters', async () => {
    await signIn(http);
    const response = await http.post(DEVICE_PATH, undefined, { rawBody: '{"operationName":' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ statusCode: 1 });
    expect(running.emulator.control.calls()).toEqual([]);
  });

  it('answers 404 statusCode 6 for a device that is not the user’s', async () => {
    await signIn(http);
    const response = await http.post('/api/v2/me/devices/00000000-0000-0000-0000-000000000000/calls', { operationName: 'Dial', destination: { phoneNumber: '5001' } });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ statusCode: 6 });
    expect(running.emulator.control.calls()).toEqual([]);
  });

  it('answers 500 statusCode 4 "Device \'5005\' is not registered." before StartContactCenterSession', async () => {
    const response = await dial(http, '5001');
    expect(response.status).toBe(500);
    expect(response.json).toEqual({ statusCode: 4, statusMessage: "Device '5005' is not registered." });
    expect(running.emulator.control.calls()).toEqual([]);
  });
});

describe('call operation errors (nothing is published)', () => {
  beforeEach(() => signIn(http));

  it('rejects an operation that is not in the call’s capabilities with 400 statusCode 2', async () => {
    const callId = await dialingCall();
    const response = await operate(http, callId, 'Hold');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ statusCode: 2, statusMessage: "Operation 'Hold' is not valid for a call in state 'Dialing'" });
    expect(running.emulator.control.call(callId)?.states).toEqual(['Dialing']);
  });

  it('rejects an unknown operation name with 400 statusCode 2', async () => {
    const callId = await dialingCall();
    expect((await operate(http, callId, 'Teleport')).json).toMatchObject({ statusCode: 2 });
  });

  it('answers 404 statusCode 6 for an unknown call id, on POST and on GET', async () => {
    const post = await operate(http, '0000000000000000000000000000UNKN', 'Hangup');
    expect(post.status).toBe(404);
    expect(post.json).toEqual({ statusCode: 6, statusMessage: "Call '0000000000000000000000000000UNKN' does not exist" });
    const get = await http.get('/api/v2/me/calls/0000000000000000000000000000UNKN');
    expect(get.status).toBe(404);
    expect(get.json).toMatchObject({ statusCode: 6 });
  });

  it.each([
    ['no digits', {}, { statusCode: 1, statusMessage: "Required parameter 'digits' is missing" }],
    ['letters as digits', { digits: '12a' }, { statusCode: 2, statusMessage: "Parameter 'digits' is not valid" }],
  ])('rejects SendDtmf with %s', async (_case, extra, reply) => {
    const callId = await dialingCall();
    const response = await operate(http, callId, 'SendDtmf', extra);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(reply);
    expect(running.emulator.control.call(callId)?.dtmf).toEqual([]);
  });

  it('rejects UpdateUserData without userData and DeleteUserDataPair without key', async () => {
    const callId = await dialingCall();
    expect((await operate(http, callId, 'UpdateUserData')).json).toEqual({ statusCode: 1, statusMessage: "Required parameter 'userData' is missing" });
    expect((await operate(http, callId, 'DeleteUserDataPair')).json).toEqual({ statusCode: 1, statusMessage: "Required parameter 'key' is missing" });
  });

  it('answers statusCode 4 for transfer and conference operations the sandbox does not model', async () => {
    const callId = await dialingCall();
    running.emulator.control.answer(callId);
    const response = await operate(http, callId, 'SingleStepTransfer', { destination: { phoneNumber: '5002' } });
    expect(response.status).toBe(500);
    expect(response.json).toEqual({ statusCode: 4, statusMessage: "Operation 'SingleStepTransfer' is not supported by the sandbox" });
  });

  it('answers call operations with "not registered" after EndContactCenterSession', async () => {
    const callId = await dialingCall();
    await http.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    const response = await operate(http, callId, 'Hangup');
    expect(response.status).toBe(500);
    expect(response.json).toEqual({ statusCode: 4, statusMessage: "Device '5005' is not registered." });
  });
});

describe('other request errors', () => {
  it('rejects agent states before StartContactCenterSession and unknown agent states', async () => {
    const early = await http.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    expect(early.status).toBe(500);
    expect(early.json).toEqual({ statusCode: 4, statusMessage: "Device '5005' is not registered." });

    await signIn(http);
    const unknown = await http.post('/api/v2/me/channels/voice', { operationName: 'Lunch' });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ statusCode: 2, statusMessage: "Parameter 'operationName' is not valid" });
  });

  it('rejects StartContactCenterSession without channels', async () => {
    const response = await http.post('/api/v2/me', { operationName: 'StartContactCenterSession' });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ statusCode: 1, statusMessage: "Required parameter 'channels' is missing" });
  });

  it('answers 404 statusCode 6 for an unknown resource', async () => {
    const response = await http.get('/api/v2/me/teleporters');
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ statusCode: 6 });
  });
});
