import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './index';
import { FAST_TIMINGS, TestAgent, typesOf } from './testClient';

let emulator: HuaweiEmulator;
let url: string;

async function signedIn(options: Partial<HuaweiEmulatorOptions> = {}, agentId = '40038'): Promise<TestAgent> {
  emulator = createHuaweiEmulator({ ...FAST_TIMINGS, ...options });
  url = await emulator.listen();
  const agent = new TestAgent(url, agentId);
  expect((await agent.signIn()).retcode).toBe('0');
  return agent;
}

afterEach(async () => {
  await emulator.close();
});

describe('event long poll', () => {
  it('answers `event: null` once the hold ends without an event', async () => {
    const agent = await signedIn();
    await agent.nextEvent();
    const response = await agent.send('GET', '/agentevent/40038');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ message: '', retcode: '0', event: null });
  });

  it('hands out one event per response, in order, with the documented shape', async () => {
    const agent = await signedIn();
    await agent.call('POST', '/onlineagent/40038/saybusy?reason=200');
    await agent.call('POST', '/onlineagent/40038/sayfree');
    const bodies = [];
    for (let index = 0; index < 3; index += 1) bodies.push(JSON.parse((await agent.send('GET', '/agentevent/40038')).text));
    expect(bodies).toEqual([
      { message: '', retcode: '0', event: { eventType: 'AgentOther_InService', workNo: '40038', content: null } },
      { message: '', retcode: '0', event: { eventType: 'AgentState_SetNotReady_Success', workNo: '40038', content: { reason: '200' } } },
      { message: '', retcode: '0', event: { eventType: 'AgentState_Ready', workNo: '40038', content: null } },
    ]);
  });

  it('answers a waiting poll as soon as an event is emitted', async () => {
    const agent = await signedIn({ pollHoldMs: 30_000 });
    await agent.nextEvent();
    const waiting = agent.poll();
    await agent.call('POST', '/onlineagent/40038/saybusy');
    expect((await waiting).event).toEqual({ eventType: 'AgentState_SetNotReady_Success', workNo: '40038', content: { reason: '0' } });
  });

  it('answers a superseded poll with `event: null`, and the newer poll gets the next event', async () => {
    const agent = await signedIn({ pollHoldMs: 30_000 });
    await agent.nextEvent();
    const older = agent.poll();
    await waitForWaitingPoll();
    const newer = agent.poll();
    expect((await older).event).toBeNull();
    await agent.call('POST', '/onlineagent/40038/sayfree');
    expect((await newer).event?.eventType).toBe('AgentState_Ready');
  });

  it('keeps events for the next poll when the waiting one is abandoned', async () => {
    const agent = await signedIn({ pollHoldMs: 30_000 });
    await agent.nextEvent();
    const open = await connectionCount();
    // A dedicated socket, destroyed by hand: the client walks away from its poll.
    const abandoned = request(`${agent.resource}/agentevent/40038`, { agent: false, headers: { Guid: agent.guid ?? '' } });
    abandoned.on('error', () => undefined);
    abandoned.end();
    await waitForWaitingPoll();
    abandoned.destroy();
    // The server must have seen the client go before the event is emitted.
    while ((await connectionCount()) > open) await new Promise((resolve) => setTimeout(resolve, 5));
    await agent.call('POST', '/onlineagent/40038/sayfree');
    expect((await agent.poll()).event?.eventType).toBe('AgentState_Ready');
  });

  it('is not refused while an operation of the agent is in progress', async () => {
    const agent = await signedIn({ operationLatencyMs: 300 });
    const operation = agent.call('GET', '/onlineagent/40038/agentstatus');
    expect((await agent.poll()).retcode).toBe('0');
    expect((await operation).retcode).toBe('0');
  });

  it('adds eventGenTime when the option is on', async () => {
    const agent = await signedIn({ includeEventGenTime: true });
    expect(await agent.nextEvent()).toEqual({
      eventType: 'AgentOther_InService',
      workNo: '40038',
      content: null,
      eventGenTime: expect.any(Number),
    });
  });

  it('answers 000-001 to an agent whose events are pushed (callBackUri + serviceToken)', async () => {
    emulator = createHuaweiEmulator(FAST_TIMINGS);
    url = await emulator.listen();
    const agent = new TestAgent(url, '40038');
    await agent.signIn({ password: 'sandbox', callBackUri: 'https://crm.example/events', serviceToken: 'token' });
    expect((await agent.poll()).retcode).toBe('000-001');
  });

  it('answers 000-002 to an agent id out of range and 404 to an unknown path', async () => {
    const agent = await signedIn();
    expect((await agent.call('GET', '/agentevent/99')).retcode).toBe('000-002');
    expect((await agent.send('GET', '/agentevents/40038')).status).toBe(404);
    expect((await agent.send('POST', '/voicecall/40038/callout', { called: '70092' })).status).toBe(404);
  });
});

describe('injected events (tester control)', () => {
  it('delivers an injected event value, a whole body and malformed text, each as one poll response', async () => {
    const agent = await signedIn();
    await agent.nextEvent();
    const inject = (body: unknown) =>
      fetch(`${url}/__sandbox/agents/40038/events`, { method: 'POST', body: JSON.stringify(body) }).then((response) => response.status);
    expect(await inject({ event: { eventType: 'AgentEvent_Talking', workNo: '40038', content: 'not-an-object' } })).toBe(200);
    expect(await inject({ body: { msg: 'success', retcode: 0, event: null } })).toBe(200);
    expect(await inject({ raw: '{"message":"","retcode":"0","event":{' })).toBe(200);
    expect(await inject({ nothing: true })).toBe(400);

    expect(JSON.parse((await agent.send('GET', '/agentevent/40038')).text)).toEqual({
      message: '',
      retcode: '0',
      event: { eventType: 'AgentEvent_Talking', workNo: '40038', content: 'not-an-object' },
    });
    expect(JSON.parse((await agent.send('GET', '/agentevent/40038')).text)).toEqual({ msg: 'success', retcode: 0, event: null });
    expect((await agent.send('GET', '/agentevent/40038')).text).toBe('{"message":"","retcode":"0","event":{');
  });

  it('refuses an injection for an agent that is not signed in (409) or unknown (404)', async () => {
    await signedIn();
    const post = (agentId: string) =>
      fetch(`${url}/__sandbox/agents/${agentId}/events`, { method: 'POST', body: '{"event":null}' }).then((response) => response.status);
    expect(await post('40040')).toBe(409);
    expect(await post('12345')).toBe(404);
  });
});

describe('onEmit', () => {
  it('reports each queued event with the agent, type, call id and emission time', async () => {
    emulator = createHuaweiEmulator({ ...FAST_TIMINGS, farEndAnswerDelayMs: 0 });
    url = await emulator.listen();
    const seen: { agentId: string; eventType: string; callId: string | undefined; atMs: number }[] = [];
    emulator.onEmit((agentId, eventType, callId, atMs) => seen.push({ agentId, eventType, callId, atMs }));
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const callId = (await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).result;
    const events = await agent.eventsUntil('AgentEvent_Talking');
    expect(seen.map((entry) => entry.eventType)).toEqual(typesOf(events));
    expect(seen[0]).toEqual({ agentId: '40038', eventType: 'AgentOther_InService', callId: undefined, atMs: expect.any(Number) });
    expect(seen.slice(1).every((entry) => entry.callId === callId)).toBe(true);
    expect(Math.abs((seen[0]?.atMs ?? 0) - Date.now())).toBeLessThan(60_000);
  });
});

function connectionCount(): Promise<number> {
  return new Promise((resolve, reject) => emulator.server.httpServer.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

/** Lets a just-sent poll reach the server and start waiting. */
async function waitForWaitingPoll(): Promise<void> {
  const before = emulator.server.log.list('/agentevent/').length;
  const deadline = Date.now() + 10_000;
  while (emulator.server.log.list('/agentevent/').length === before && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
