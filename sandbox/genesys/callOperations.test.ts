import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPABILITIES } from './calls/capabilities';
import type { CometdRecorder } from './testSupport/cometdRecorder';
import type { GwsHttp } from './testSupport/gwsHttp';
import { dial, operate, signedInAgent, startEmulator, type Running } from './testSupport/harness';

let running: Running;
let http: GwsHttp;
let events: CometdRecorder;

beforeEach(async () => {
  running = await startEmulator({ farEnd: 'manual' });
  ({ http, events } = await signedInAgent(running.url, ['/v2/me/calls']));
});

afterEach(async () => {
  await events.stop();
  await running.emulator.close();
});

const dataOf = (message: { data?: unknown }) => message.data as { notificationType: string; call: Record<string, unknown> };

/** A call the far end has answered. */
async function establishedCall(phoneNumber = '5001'): Promise<string> {
  await dial(http, phoneNumber);
  const callId = await events.dialedCallId(phoneNumber);
  running.emulator.control.answer(callId);
  await events.waitForCall(callId, 'Established');
  return callId;
}

describe('call operations on POST /api/v2/me/calls/{id}', () => {
  it('holds and retrieves, with the capabilities of each state', async () => {
    const callId = await establishedCall();

    expect((await operate(http, callId, 'Hold')).json).toEqual({ statusCode: 0 });
    expect(dataOf(await events.waitForCall(callId, 'Held')).call.capabilities).toEqual(CAPABILITIES.Held);
    expect((await operate(http, callId, 'Retrieve')).json).toEqual({ statusCode: 0 });
    await events.waitFor(() => events.callMessages(callId).length === 4, 'the Retrieve event');
    const messages = events.callMessages(callId).map((data) => data.call as { state: string; capabilities: string[] });
    expect(messages.map((call) => call.state)).toEqual(['Dialing', 'Established', 'Held', 'Established']);
    expect(messages[3]?.capabilities).toEqual(CAPABILITIES.Established);
  });

  it('answers SendDtmf with a DtmfSent notification and leaves the state unchanged', async () => {
    const callId = await establishedCall();

    expect((await operate(http, callId, 'SendDtmf', { digits: '12#' })).json).toEqual({ statusCode: 0 });
    const sent = dataOf(await events.waitForCall(callId, 'Established', 'DtmfSent'));
    expect(sent.call.capabilities).toEqual(CAPABILITIES.Established);
    expect(running.emulator.control.call(callId)?.dtmf).toEqual(['12#']);
  });

  it('allows SendDtmf while Dialing (it is in the Dialing capabilities)', async () => {
    await dial(http, '5001');
    const callId = await events.dialedCallId('5001');

    expect((await operate(http, callId, 'SendDtmf', { digits: '5' })).json).toEqual({ statusCode: 0 });
    await events.waitForCall(callId, 'Dialing', 'DtmfSent');
  });

  it('updates, attaches and deletes user data, each with an AttachedDataChanged notification carrying the full call', async () => {
    await dial(http, '5001', { userData: { Product: 'Guitars' } });
    const callId = await events.dialedCallId('5001');
    const attachedData = async (count: number) => {
      await events.waitFor(() => events.callMessages(callId).filter((data) => data.notificationType === 'AttachedDataChanged').length >= count, `${count} data changes`);
      const changes = events.callMessages(callId).filter((data) => data.notificationType === 'AttachedDataChanged');
      return (changes[count - 1]?.call as { userData?: unknown; state: string } | undefined) ?? { state: 'missing' };
    };

    await operate(http, callId, 'UpdateUserData', { userData: { Product: 'Drums', AccountNumber: '12345678' } });
    expect(await attachedData(1)).toMatchObject({ state: 'Dialing', userData: { Product: 'Drums', AccountNumber: '12345678' } });

    await operate(http, callId, 'AttachUserData', { userData: { Product: 'Bass', CustomerSegment: 'Gold' } });
    expect((await attachedData(2)).userData).toEqual({ Product: 'Drums', AccountNumber: '12345678', CustomerSegment: 'Gold' });

    await operate(http, callId, 'DeleteUserDataPair', { key: 'AccountNumber' });
    expect((await attachedData(3)).userData).toEqual({ Product: 'Drums', CustomerSegment: 'Gold' });

    await operate(http, callId, 'DeleteUserData');
    expect(await attachedData(4)).not.toHaveProperty('userData');
  });

  it('hangs up a held call', async () => {
    const callId = await establishedCall();
    await operate(http, callId, 'Hold');
    await events.waitForCall(callId, 'Held');

    expect((await operate(http, callId, 'Hangup')).json).toEqual({ statusCode: 0 });
    await events.waitForCall(callId, 'Released');
  });

  it('answers an inbound call (Ringing → Established) and clears another (Ringing → Released)', async () => {
    const answered = running.emulator.control.inbound('5001');
    const ringing = dataOf(await events.waitForCall(answered.id, 'Ringing'));
    expect(ringing.call).toMatchObject({ ani: '5001', dnis: '5005', callType: 'Internal', capabilities: CAPABILITIES.Ringing });
    expect((await operate(http, answered.id, 'Answer')).json).toEqual({ statusCode: 0 });
    await events.waitForCall(answered.id, 'Established');

    const cleared = running.emulator.control.inbound('+442079460001');
    await events.waitForCall(cleared.id, 'Ringing');
    expect((await operate(http, cleared.id, 'ClearCall')).json).toEqual({ statusCode: 0 });
    await events.waitForCall(cleared.id, 'Released');
  });
});
