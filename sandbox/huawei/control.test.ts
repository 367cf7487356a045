import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './index';
import { FAST_TIMINGS, SANDBOX_SIGN_IN, TestAgent, typesOf } from './testClient';

let emulator: HuaweiEmulator;
let url: string;

async function start(options: Partial<HuaweiEmulatorOptions> = {}): Promise<void> {
  emulator = createHuaweiEmulator({ ...FAST_TIMINGS, ...options });
  url = await emulator.listen();
}

async function signIn(agentId: string): Promise<TestAgent> {
  const agent = new TestAgent(url, agentId);
  expect((await agent.signIn({ ...SANDBOX_SIGN_IN, phonenum: agentId })).retcode).toBe('0');
  await agent.nextEvent();
  return agent;
}

async function control(path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/__sandbox/${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

afterEach(async () => {
  await emulator.close();
});

describe('far-end control over HTTP', () => {
  it('answer: a ringing customer answers now', async () => {
    await start({ farEndAnswerDelayMs: 60_000 });
    const agent = await signIn('40038');
    const callid = (await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).result;
    await agent.eventsUntil('AgentEvent_Customer_Alerting');
    expect(await control('agents/40038/answer')).toEqual({ status: 200, body: { applied: 'current-call', callId: callid } });
    expect((await agent.nextEvent()).eventType).toBe('AgentEvent_Talking');
    expect(await control('agents/40038/answer')).toEqual({ status: 409, body: { error: 'The call is already connected.' } });
  });

  it('busy: a ringing customer turns busy', async () => {
    await start({ farEndAnswerDelayMs: 60_000 });
    const agent = await signIn('40038');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    await agent.eventsUntil('AgentEvent_Customer_Alerting');
    expect((await control('agents/40038/busy')).status).toBe(200);
    const events = await agent.eventsUntil('AgentState_Ready');
    expect(events[1]?.content).toMatchObject({ detect: 47 });
  });

  it('customer-hangup: the customer of a talking call hangs up', async () => {
    await start();
    const agent = await signIn('40038');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    await agent.eventsUntil('AgentEvent_Talking');
    expect((await control('agents/40038/customer-hangup')).status).toBe(200);
    expect(typesOf(await agent.eventsUntil('AgentState_Ready'))).toEqual([
      'AgentEvent_Customer_Release',
      'AgentEvent_Call_Release',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect((await control('agents/40038/customer-hangup')).status).toBe(409);
  });

  it('agent-noanswer: the ringing agent phone is not answered → Connect_Fail, PhoneRelease', async () => {
    await start({ agentAnswerDelayMs: 60_000 });
    const agent = await signIn('40038');
    const callid = (await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).result;
    await agent.eventsUntil('AgentOther_PhoneAlerting');
    expect((await control('agents/40038/agent-noanswer')).status).toBe(200);
    expect(await agent.eventsUntil('AgentOther_PhoneRelease')).toEqual([
      { eventType: 'AgentEvent_Connect_Fail', workNo: '40038', content: callid },
      { eventType: 'AgentOther_PhoneRelease', workNo: '40038', content: { phoneState: 3 } },
    ]);
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 4, isWorking: false });
  });

  it.each([
    ['answer', '70098', 'AgentEvent_Talking'],
    ['busy', '70092', 'OUTBOUND_DETECT_EVENT'],
    ['agent-noanswer', '70092', 'AgentEvent_Connect_Fail'],
  ])('%s with no call is armed for the next call', async (action, called, expected) => {
    await start({ farEndAnswerDelayMs: 60_000, noAnswerDelayMs: 60_000 });
    const agent = await signIn('40038');
    expect(await control(`agents/40038/${action}`)).toEqual({ status: 200, body: { applied: 'next-call' } });
    expect(emulator.control.agent('40038')?.armed).toBe(action);
    if (action === 'agent-noanswer') emulator.control.configure({ noAnswerDelayMs: 0 });
    await agent.call('PUT', '/voicecall/40038/callout', { called });
    expect((await agent.eventsUntil(expected)).at(-1)?.eventType).toBe(expected);
    expect(emulator.control.agent('40038')?.armed).toBeUndefined();
  });

  it('answers 404 for an unknown agent and 409 for one that has not signed in', async () => {
    await start();
    expect(await control('agents/12345/answer')).toEqual({ status: 404, body: { error: 'Unknown agent 12345.' } });
    expect(await control('agents/40038/answer')).toEqual({ status: 409, body: { error: 'Agent 40038 has not signed in.' } });
  });
});

describe('session control over HTTP', () => {
  it('force-signout: AgentOther_ShutdownService, then 100-006', async () => {
    await start();
    const agent = await signIn('40038');
    expect(await control('agents/40038/force-signout')).toEqual({ status: 200, body: { applied: 'session' } });
    expect((await agent.nextEvent()).eventType).toBe('AgentOther_ShutdownService');
    expect((await agent.poll()).retcode).toBe('100-006');
  });

  it('rotate-guid: the next poll carries Set-GUID', async () => {
    await start();
    const agent = await signIn('40038');
    const before = agent.guid;
    expect((await control('agents/40038/rotate-guid')).status).toBe(200);
    const response = await agent.send('GET', '/agentevent/40038');
    expect(response.headers.get('set-guid')).toBe(`JSESSIONID=${agent.guid}`);
    expect(agent.guid).not.toBe(before);
  });

  it('GET /__sandbox/agents/{id} describes the agent', async () => {
    await start();
    const agent = await signIn('40038');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    await agent.eventsUntil('AgentEvent_Talking');
    const snapshot = await (await fetch(`${url}/__sandbox/agents/40038`)).json();
    expect(snapshot).toEqual({
      agentId: '40038',
      signedIn: true,
      agentState: 7,
      isWorking: true,
      phonenum: '40038',
      queuedEvents: 0,
      validGuids: 1,
      muted: false,
      signedInSkills: [25],
      calls: [{ callId: '1455885056-1095', role: 'originator', phase: 'talking', caller: '10086', called: '70092', feature: '7' }],
      dtmf: [],
    });
    expect(await (await fetch(`${url}/__sandbox/agents/40040`)).json()).toEqual({ agentId: '40040', signedIn: false });
    expect((await fetch(`${url}/__sandbox/agents/12345`)).status).toBe(404);
  });

  it('POST /__sandbox/options changes timings; invalid settings are refused', async () => {
    await start({ pollHoldMs: 30_000 });
    const agent = await signIn('40038');
    expect((await control('options', { pollHoldMs: 10 })).status).toBe(204);
    expect((await agent.poll()).event).toBeNull();
    expect((await control('options', { pollHoldMs: -1 })).status).toBe(400);
    expect((await control('options', { colour: 'blue' })).status).toBe(400);
  });

  it('POST /__sandbox/reset signs everybody out, restarts call ids and restores the options', async () => {
    await start({ pollHoldMs: 30_000 });
    const agent = await signIn('40038');
    emulator.control.configure({ authMode: 1 });
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    expect((await control('reset')).status).toBe(204);
    expect(emulator.server.log.list()).toEqual([]);

    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('000-003');
    expect(emulator.control.agent('40038')).toEqual({ agentId: '40038', signedIn: false });
    const again = await signIn('40038');
    expect((await again.call('PUT', '/voicecall/40038/callout', { called: '70092' })).result).toBe('1455885056-1095');
    // AUTHMODE is back to the construction default (2): polls rotate once the interval has passed.
    emulator.control.configure({ guidIntervalMs: 0, pollHoldMs: 10 });
    await again.poll();
    expect(again.seenGuids.length).toBeGreaterThan(1);
  });
});

describe('burst', () => {
  it('queues hold/talking pairs on every talking call, then ends each call; nothing is lost', async () => {
    await start();
    const agents = [await signIn('40038'), await signIn('40040')];
    for (const agent of agents) {
      await agent.call('PUT', `/voicecall/${agent.agentId}/callout`, { called: '70092' });
      await agent.eventsUntil('AgentEvent_Talking');
    }
    let emitted = 0;
    emulator.onEmit(() => (emitted += 1));
    const response = await control('burst', { holdRetrievePairs: 50, thenCustomerHangup: true });
    expect(response).toEqual({ status: 200, body: { agentIds: ['40038', '40040'], events: 200 } });
    for (const agent of agents) {
      const events = typesOf(await agent.eventsUntil('AgentState_Ready'));
      expect(events).toHaveLength(104);
      expect(events.slice(0, 100)).toEqual(Array.from({ length: 50 }, () => ['AgentEvent_Hold', 'AgentEvent_Talking']).flat());
      expect(events.slice(100)).toEqual(['AgentEvent_Customer_Release', 'AgentEvent_Call_Release', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
    }
    expect(emitted).toBe(208);
  });

  it('spreads events over time with intervalMs and leaves calls talking without thenCustomerHangup', async () => {
    await start();
    const agent = await signIn('40038');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    await agent.eventsUntil('AgentEvent_Talking');
    expect(emulator.control.burst({ agentIds: ['40038'], holdRetrievePairs: 3, intervalMs: 5 })).toEqual({ agentIds: ['40038'], events: 6 });
    const events: string[] = [];
    while (events.length < 6) events.push((await agent.nextEvent()).eventType);
    expect(events).toEqual(['AgentEvent_Hold', 'AgentEvent_Talking', 'AgentEvent_Hold', 'AgentEvent_Talking', 'AgentEvent_Hold', 'AgentEvent_Talking']);
    expect(emulator.control.agent('40038')?.calls?.[0]?.phase).toBe('talking');
  });

  it('refuses an invalid burst', async () => {
    await start();
    expect((await control('burst', { holdRetrievePairs: 0 })).status).toBe(400);
  });
});

describe('framework control routes', () => {
  it('logs vendor requests (with the Guid header) but not control requests', async () => {
    await start();
    const agent = await signIn('40038');
    await control('agents/40038/rotate-guid');
    const logged = emulator.server.log.list();
    expect(logged.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'PUT /agentgateway/resource/onlineagent/40038',
      'GET /agentgateway/resource/agentevent/40038',
    ]);
    expect(logged[1]?.headers.guid).toBe(agent.seenGuids[0]);
  });

  it('applies an injected HTTP fault to the callout and places no call', async () => {
    await start();
    const agent = await signIn('40038');
    expect((await control('faults', { path: '/callout$', status: 503, body: 'down' })).status).toBe(201);
    expect((await agent.send('PUT', '/voicecall/40038/callout', { called: '70092' })).status).toBe(503);
    expect(emulator.control.agent('40038')?.calls).toEqual([]);
  });
});
