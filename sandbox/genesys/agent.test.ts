import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CometdRecorder } from './testSupport/cometdRecorder';
import type { GwsHttp } from './testSupport/gwsHttp';
import { agentClient, startEmulator, type Running } from './testSupport/harness';

let running: Running;
let http: GwsHttp;
let events: CometdRecorder;

beforeEach(async () => {
  running = await startEmulator({ baseUrl: 'http://127.0.0.1:8080' });
  http = agentClient(running.url);
  await http.get('/api/v2/me');
  events = new CometdRecorder(running.url, await http.cookieHeader(), ['/v2/me/devices']);
  await events.start();
});

afterEach(async () => {
  await events.stop();
  await running.emulator.close();
});

const userStates = () => events.messages.map((message) => (message.data as { devices: Array<{ userState: { state: string } }> }).devices[0]?.userState);

describe('user, devices and settings', () => {
  it('GET /api/v2/me?subresources=* returns the user with its device, calls and skills', async () => {
    const me = await http.get('/api/v2/me?subresources=*');
    expect(me.json).toMatchObject({
      statusCode: 0,
      user: {
        userName: 'agent1',
        roles: ['ROLE_AGENT'],
        devices: [
          {
            id: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
            deviceState: 'Active',
            phoneNumber: '5005',
            userState: { state: 'LoggedOut' },
            voiceEnvironmentUri: 'http://127.0.0.1:8080/api/v2/voice-environments/370ef5e6-9e3c-4d91-9588-7f4dfe67e011',
          },
        ],
        calls: [],
        skills: [{ name: 'Outbound', level: 5 }],
      },
    });
    const user = (me.json as { user: { id: string; uri: string } }).user;
    expect(user.id).toMatch(/^[0-9a-f]{32}$/);
    expect(user.uri).toBe(`http://127.0.0.1:8080/api/v2/users/${user.id}`);
  });

  it('GET /api/v2/me without subresources returns the user alone', async () => {
    const me = await http.get('/api/v2/me');
    expect(Object.keys((me.json as { user: object }).user)).not.toContain('devices');
  });

  it('GET /api/v2/me/devices gives URIs, and devices with fields=*', async () => {
    expect((await http.get('/api/v2/me/devices')).json).toEqual({
      statusCode: 0,
      uris: ['http://127.0.0.1:8080/api/v2/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a'],
    });
    expect((await http.get('/api/v2/me/devices?fields=*')).json).toMatchObject({ statusCode: 0, devices: [{ id: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a' }] });
    expect((await http.get('/api/v2/me/devices?fields=id,phoneNumber')).json).toEqual({
      statusCode: 0,
      devices: [{ id: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a', phoneNumber: '5005' }],
    });
  });

  it('serves the version and the agent-state list with the documented ids', async () => {
    expect((await http.get('/api/v2/diagnostics/version')).json).toEqual({ statusCode: 0, version: '8.5.200.50' });
    const settings = await http.get('/api/v2/settings/agent-states');
    expect(settings.json).toMatchObject({
      statusCode: 0,
      settings: [
        { operationName: 'Ready', id: '9430250E-0A1B-421F-B372-F29E69366DED', state: 'Ready' },
        { operationName: 'NotReady', id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6', state: 'NotReady' },
        { operationName: 'AfterCallWork', id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF', workMode: 'AfterCallWork' },
        { operationName: 'AuxWork', id: '2B36138D-C564-4562-A8CB-3C32D564F296', workMode: 'AuxWork' },
      ],
    });
  });
});

describe('agent session and states', () => {
  it('StartContactCenterSession publishes LoggedIn then NotReady; Ready publishes the documented Ready state', async () => {
    expect((await http.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] })).json).toEqual({ statusCode: 0 });
    await events.waitFor(() => events.messages.length >= 2, 'two device events');
    expect(userStates()).toEqual([
      { displayName: 'Logged In', state: 'LoggedIn' },
      { id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6', displayName: 'Not Ready', state: 'NotReady' },
    ]);

    expect((await http.post('/api/v2/me/channels/voice', { operationName: 'Ready' })).json).toEqual({ statusCode: 0 });
    await events.waitFor(() => events.messages.length >= 3, 'the Ready event');
    expect(events.messages[2]).toEqual({
      channel: '/v2/me/devices',
      data: {
        messageType: 'DeviceStateChangeMessage',
        devices: [
          {
            id: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
            deviceState: 'Active',
            userState: { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
            phoneNumber: '5005',
            e164Number: '5005',
            telephonyNetwork: 'Private',
            doNotDisturb: 'Off',
            voiceEnvironmentUri: 'http://127.0.0.1:8080/api/v2/voice-environments/370ef5e6-9e3c-4d91-9588-7f4dfe67e011',
            capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
          },
        ],
      },
    });
  });

  it('answers StartContactCenterSession with voice and multimedia as a partial success (statusCode 7)', async () => {
    const reply = await http.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice', 'multimedia'] });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      statusCode: 7,
      failed: [{ statusCode: 4, statusMessage: 'Interaction server connection is not opened', channel: 'multimedia' }],
      succeeded: [{ statusCode: 0, channel: 'voice' }],
    });
  });

  it('publishes LoggedOut to the user’s other sessions on EndContactCenterSession', async () => {
    const other = agentClient(running.url);
    await other.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    await events.waitFor(() => events.messages.length >= 2, 'login events');
    await other.post('/api/v2/me', { operationName: 'EndContactCenterSession' });

    await events.waitFor(() => events.messages.length >= 3, 'the LoggedOut event');
    expect(userStates()[2]).toEqual({ displayName: 'Logged Out', state: 'LoggedOut' });
  });
});
