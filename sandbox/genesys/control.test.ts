import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { burstScript } from './control/burst';
import type { CometdRecorder } from './testSupport/cometdRecorder';
import { GwsHttp } from './testSupport/gwsHttp';
import { dial, signedInAgent, startEmulator, type Running } from './testSupport/harness';

let running: Running;
let http: GwsHttp;
let events: CometdRecorder;
/** Control requests carry no GWS credentials: `/__sandbox` is not part of GWS. */
let control: GwsHttp;

beforeEach(async () => {
  running = await startEmulator({ farEnd: 'manual' });
  ({ http, events } = await signedInAgent(running.url, ['/v2/me/calls']));
  control = new GwsHttp(running.url);
});

afterEach(async () => {
  await events.stop();
  await running.emulator.close();
});

async function dialing(phoneNumber: string): Promise<string> {
  await dial(http, phoneNumber);
  return events.dialedCallId(phoneNumber);
}

const states = (callId: string) => events.callMessages(callId).map((data) => (data.call as { state: string }).state);

describe('far-end control over HTTP', () => {
  it.each([
    ['answer', 'Established'],
    ['busy', 'Released'],
    ['noanswer', 'Released'],
    ['remote-hangup', 'Released'],
  ])('POST /__sandbox/calls/{id}/%s moves a Dialing call to %s', async (action, state) => {
    const callId = await dialing('5001');
    const reply = await control.post(`/__sandbox/calls/${callId}/${action}`);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ call: { id: callId, state } });
    await events.waitForCall(callId, state);
  });

  it('hangs up an established call from the far end', async () => {
    const callId = await dialing('5001');
    running.emulator.control.answer(callId);
    await control.post(`/__sandbox/calls/${callId}/remote-hangup`);
    await events.waitForCall(callId, 'Released');
    expect(states(callId)).toEqual(['Dialing', 'Established', 'Released']);
  });

  it('answers 409 for an action the call’s state does not allow, and 404 for an unknown call', async () => {
    const callId = await dialing('5001');
    running.emulator.control.answer(callId);
    const wrongState = await control.post(`/__sandbox/calls/${callId}/busy`);
    expect(wrongState.status).toBe(409);
    expect(wrongState.json).toEqual({ error: `Call '${callId}' is Established; the far end can busy only a Dialing call` });
    expect((await control.post('/__sandbox/calls/NOPE/answer')).status).toBe(404);
  });

  it('leaves the far end to the control API in manual mode, even for an invalid number', async () => {
    const callId = await dialing('000123');
    // The script would release 000123 on a 0 ms timer; a whole Dial round trip later it is still Dialing.
    await dialing('5002');
    expect(running.emulator.control.call(callId)?.states).toEqual(['Dialing']);
  });
});

describe('other control routes', () => {
  it('POST /__sandbox/inbound rings the agent', async () => {
    const reply = await control.post('/__sandbox/inbound', { from: '5001' });
    expect(reply.status).toBe(201);
    const callId = (reply.json as { call: { id: string } }).call.id;
    await events.waitForCall(callId, 'Ringing');
  });

  it('POST /__sandbox/error publishes an Error notification on the call', async () => {
    const callId = await dialing('5001');
    const reply = await control.post('/__sandbox/error', { callId, errorMessage: 'Link to switch down', errorCode: 52 });
    expect(reply.status).toBe(200);
    const error = await events.waitForCall(callId, 'Dialing', 'Error');
    expect(error.data).toMatchObject({ errorMessage: 'Link to switch down', errorCode: 52 });
  });

  it('rejects malformed control bodies with 400', async () => {
    expect((await control.post('/__sandbox/inbound', {})).status).toBe(400);
    expect((await control.post('/__sandbox/burst', { calls: 0, eventsPerCall: 4 })).status).toBe(400);
    expect((await control.post('/__sandbox/settings', { answerDelayMs: -1 })).status).toBe(400);
  });

  it('POST /__sandbox/drop-event-stream and /__sandbox/expire-session report what they killed', async () => {
    expect((await control.post('/__sandbox/drop-event-stream')).json).toEqual({ dropped: 1 });
    expect((await control.post('/__sandbox/expire-session', { user: 'agent1' })).json).toEqual({ expired: 1 });
    expect((await http.get('/api/v2/me', { basic: false })).status).toBe(403);
  });

  it('GET /__sandbox/calls and /__sandbox/events describe calls and published events', async () => {
    const callId = await dialing('5001');
    const calls = await control.get('/__sandbox/calls');
    expect(calls.json).toMatchObject({ calls: [{ id: callId, userName: 'agent1', direction: 'outbound', remoteNumber: '5001', state: 'Dialing', outcome: 'answer' }] });
    const published = await control.get(`/__sandbox/events?callId=${callId}`);
    expect(published.json).toEqual({ events: [{ callId, state: 'Dialing', notificationType: 'StatusChange', at: expect.any(Number) }] });
  });

  it('calls onPublish with (callId, state, atMs) for each published call event', async () => {
    const seen: Array<[string, string]> = [];
    const stop = running.emulator.control.onPublish((callId, state, atMs) => {
      expect(atMs).toBeGreaterThan(0);
      seen.push([callId, state]);
    });
    const callId = await dialing('5001');
    running.emulator.control.answer(callId);
    await events.waitForCall(callId, 'Established');
    stop();
    expect(seen).toEqual([
      [callId, 'Dialing'],
      [callId, 'Established'],
    ]);
  });

  it('POST /__sandbox/reset forgets calls, sessions and ids', async () => {
    await dialing('5001');
    expect((await control.post('/__sandbox/reset')).status).toBe(204);
    expect(running.emulator.control.calls()).toEqual([]);
    expect((await http.get('/api/v2/me', { basic: false })).status).toBe(403);
  });
});

describe('event bursts', () => {
  it('scripts each burst call Dialing, then Established and Held in turn, then Released', () => {
    expect(burstScript(2)).toEqual(['Dialing', 'Released']);
    expect(burstScript(5)).toEqual(['Dialing', 'Established', 'Held', 'Established', 'Released']);
  });

  it('delivers every event of a burst, in order per call, to the official CometD client', async () => {
    const reply = await control.post('/__sandbox/burst', { calls: 40, eventsPerCall: 6, ratePerSecond: 4_000 });
    expect(reply.status).toBe(202);
    const { callIds, totalEvents } = reply.json as { callIds: string[]; totalEvents: number };
    expect(callIds).toHaveLength(40);
    expect(totalEvents).toBe(240);

    await events.waitFor(() => events.messages.length >= 240, 'all burst events', 10_000);
    for (const callId of callIds) expect(states(callId)).toEqual(burstScript(6));
    expect(running.emulator.control.calls().every((call) => call.state === 'Released')).toBe(true);
  });

  it('runs a burst in process and settles when the last event is out', async () => {
    const run = running.emulator.control.emitBurst({ calls: 3, eventsPerCall: 3, ratePerSecond: 1_000 });
    await run.done;
    expect(running.emulator.control.events().filter((event) => run.callIds.includes(event.callId))).toHaveLength(9);
  });
});
