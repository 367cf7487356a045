import { afterEach, describe, expect, it } from 'vitest';
import type { CometdRecorder } from './testSupport/cometdRecorder';
import { CometdRecorder as Recorder } from './testSupport/cometdRecorder';
import { GwsHttp } from './testSupport/gwsHttp';
import { agentClient, bayeux, dial, signIn, signedInAgent, startEmulator, type Running } from './testSupport/harness';

let running: Running | undefined;
const recorders: CometdRecorder[] = [];

afterEach(async () => {
  await Promise.all(recorders.splice(0).map((recorder) => recorder.stop()));
  await running?.emulator.close();
  running = undefined;
});

async function agentWithEvents(channels?: string[]) {
  running = await startEmulator();
  const agent = await signedInAgent(running.url, channels);
  recorders.push(agent.events);
  return { ...agent, running };
}

describe('CometD with the official cometd client (cometd-nodejs-client)', () => {
  it('handshakes, subscribes to /v2/me/calls and receives the Dialing event of a Dial', async () => {
    const { http, events } = await agentWithEvents(['/v2/me/calls']);
    expect((await dial(http, '5001')).json).toEqual({ statusCode: 0 });

    const message = await events.waitForCall('013V08JRL498H1OI04000VTAES00000G', 'Dialing');
    expect(message.channel).toBe('/v2/me/calls');
    expect(message.data).toMatchObject({ messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', phoneNumber: '5005' });
  });

  it('re-handshakes after the event stream is dropped (402::Unknown client) and receives events again', async () => {
    const { http, events, running: { emulator } } = await agentWithEvents(['/v2/me/calls']);
    expect(emulator.control.dropEventStream()).toBe(1);

    await events.waitForHandshakes(2);
    const rehandshake = events.handshakeReplies.filter((reply) => reply.successful)[1];
    expect(rehandshake?.reestablish).toBe(true);

    await dial(http, '5001');
    await events.waitForCall('013V08JRL498H1OI04000VTAES00000G', 'Dialing');
  });

  it('recovers from an expired HTTP session once the client is given the new session cookie', async () => {
    const { http, events, running: { emulator, url } } = await agentWithEvents(['/v2/me/calls']);
    const oldCookie = await http.cookieHeader();
    emulator.control.expireSession();

    // Long-polls with the dead cookie get 403; Basic over REST opens a new session.
    await http.get('/api/v2/me');
    expect(await http.cookieHeader()).not.toBe(oldCookie);
    const cookie = await http.cookieHeader();
    events.cometd.configure({ url: `${url}/api/v2/notifications`, requestHeaders: { Cookie: cookie } });

    await events.waitForHandshakes(2);
    await dial(http, '5001');
    await events.waitForCall('013V08JRL498H1OI04000VTAES00000G', 'Dialing');
  });

  it('delivers call and device events to wildcard subscriptions /v2/me/* and /**', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const cookie = await http.cookieHeader();
    const single = new Recorder(running.url, cookie, ['/v2/me/*']);
    const deep = new Recorder(running.url, cookie, ['/**']);
    recorders.push(single, deep);
    await Promise.all([single.start(), deep.start()]);

    await signIn(http);
    await dial(http, '5001');
    for (const recorder of [single, deep]) {
      await recorder.waitFor((message) => message.channel === '/v2/me/devices', 'a device event');
      await recorder.waitFor((message) => message.channel === '/v2/me/calls', 'a call event');
    }
  });

  it('delivers a user only its own events', async () => {
    running = await startEmulator({
      users: [
        { userName: 'agent1', password: 'sandbox', deviceId: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a', phoneNumber: '5005' },
        { userName: 'agent2', password: 'sandbox2', deviceId: '6c1f6f0e-1d0e-4a53-9d1c-0b8e5f2f9a11', phoneNumber: '5006' },
      ],
    });
    const first = await signedInAgent(running.url);
    const secondHttp = new GwsHttp(running.url, { userName: 'agent2', password: 'sandbox2' });
    await secondHttp.get('/api/v2/me');
    const second = new Recorder(running.url, await secondHttp.cookieHeader());
    recorders.push(first.events, second);
    await second.start();
    await signIn(secondHttp);
    await secondHttp.post('/api/v2/me/devices/6c1f6f0e-1d0e-4a53-9d1c-0b8e5f2f9a11/calls', { operationName: 'Dial', destination: { phoneNumber: '5001' } });
    await dial(first.http, '5002');

    const secondCallId = await second.dialedCallId('5001');
    const firstCallId = await first.events.dialedCallId('5002');
    expect(first.events.callMessages(secondCallId)).toEqual([]);
    expect(second.callMessages(firstCallId)).toEqual([]);
  });
});

describe('Bayeux wire format (raw long-polling requests)', () => {
  async function handshake(http: GwsHttp) {
    const [reply] = await bayeux(http, 'handshake', [
      { id: '1', channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['websocket', 'long-polling'] },
    ]);
    return reply ?? {};
  }

  it('answers the handshake with long-polling only and the configured advice timeout', async () => {
    running = await startEmulator({ cometdTimeoutMs: 1_500 });
    const http = agentClient(running.url);
    await http.get('/api/v2/me');

    const reply = await handshake(http);
    expect(reply).toMatchObject({
      id: '1',
      channel: '/meta/handshake',
      successful: true,
      version: '1.0',
      supportedConnectionTypes: ['long-polling', 'callback-polling'],
      advice: { reconnect: 'retry', interval: 0, timeout: 1_500 },
    });
    expect(reply.clientId).toEqual(expect.any(String));
  });

  it('answers a stale clientId with 402::Unknown client and advice reconnect handshake', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const { clientId } = await handshake(http);
    running.emulator.control.dropEventStream();

    const replies = await bayeux(http, 'connect', [{ id: '2', channel: '/meta/connect', connectionType: 'long-polling', clientId }]);
    expect(replies).toEqual([{ id: '2', channel: '/meta/connect', successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake' } }]);
  });

  it('delivers an event as {channel, data} on a held /meta/connect', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const { clientId } = await handshake(http);
    await bayeux(http, 'subscribe', [{ id: '2', channel: '/meta/subscribe', subscription: '/v2/me/calls', clientId }]);
    await bayeux(http, 'connect', [{ id: '3', channel: '/meta/connect', connectionType: 'long-polling', clientId, advice: { timeout: 0 } }]);
    await signIn(http);

    const held = bayeux(http, 'connect', [{ id: '4', channel: '/meta/connect', connectionType: 'long-polling', clientId }]);
    await dial(http, '5001');
    const replies = await held;
    const event = replies.find((message) => message.channel === '/v2/me/calls');
    expect(Object.keys(event ?? {}).sort()).toEqual(['channel', 'data']);
    expect(replies).toContainEqual(expect.objectContaining({ id: '4', channel: '/meta/connect', successful: true }));
  });

  it('kills the session’s CometD clients on EndContactCenterSession', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await signIn(http);
    const { clientId } = await handshake(http);
    await http.post('/api/v2/me', { operationName: 'EndContactCenterSession' });

    await http.get('/api/v2/me');
    const replies = await bayeux(http, 'connect', [{ id: '2', channel: '/meta/connect', connectionType: 'long-polling', clientId }]);
    expect(replies[0]).toMatchObject({ successful: false, error: '402::Unknown client' });
  });

  it('refuses a client publishing on a GWS channel', async () => {
    running = await startEmulator();
    const http = agentClient(running.url);
    await http.get('/api/v2/me');
    const { clientId } = await handshake(http);

    const [reply] = await bayeux(http, '', [{ id: '2', channel: '/v2/me/calls', clientId, data: { forged: true } }]);
    expect(reply).toMatchObject({ successful: false, error: '403:/v2/me/calls:Forbidden channel' });
  });

  it('answers the notifications endpoint 403 statusCode 20 without a session', async () => {
    running = await startEmulator();
    const anonymous = new GwsHttp(running.url);
    const reply = await anonymous.post('/api/v2/notifications/handshake', [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]);
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ statusCode: 20, statusMessage: 'Access denied' });
  });
});
