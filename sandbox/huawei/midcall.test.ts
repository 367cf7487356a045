import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './index';
import { FAST_TIMINGS, recordEmissions, SANDBOX_SIGN_IN, TestAgent, typesOf, type WireEvent } from './testClient';

let emulator: HuaweiEmulator;
let url: string;

async function start(options: Partial<HuaweiEmulatorOptions> = {}): Promise<void> {
  emulator = createHuaweiEmulator({ ...FAST_TIMINGS, ...options });
  url = await emulator.listen();
}

async function signIn(agentId: string, overrides: Record<string, unknown> = {}): Promise<TestAgent> {
  const agent = new TestAgent(url, agentId);
  expect((await agent.signIn({ ...SANDBOX_SIGN_IN, phonenum: agentId, ...overrides })).retcode).toBe('0');
  expect((await agent.nextEvent()).eventType).toBe('AgentOther_InService');
  return agent;
}

/** Agent 40038 talking to a customer who never hangs up. */
async function talking(options: Partial<HuaweiEmulatorOptions> = {}): Promise<{ agent: TestAgent; callid: string }> {
  await start(options);
  const agent = await signIn('40038');
  const callid = String((await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).result);
  await agent.eventsUntil('AgentEvent_Talking');
  return { agent, callid };
}

afterEach(async () => {
  await emulator.close();
});

const on = (workNo: string) => (eventType: string, content: unknown): WireEvent => ({ eventType, workNo, content });

describe('hold and unhold', () => {
  it('hold → AgentEvent_Hold (bare call id); gethold → AgentEvent_Talking again', async () => {
    const { agent, callid } = await talking();
    const event = on('40038');
    expect(await agent.call('POST', '/voicecall/40038/hold')).toEqual({ message: '', retcode: '0', result: {} });
    expect(await agent.nextEvent()).toEqual(event('AgentEvent_Hold', callid));
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 7, isWorking: true });

    expect((await agent.call('POST', `/voicecall/40038/gethold?callid=${callid}`)).retcode).toBe('0');
    expect(await agent.nextEvent()).toEqual(
      event('AgentEvent_Talking', { caller: '10086', callid, called: '70092', feature: '7', type: 'main', mediaAbility: '0' }),
    );
  });

  it.each([
    ['hold with no call', '200-013', 'POST', '/voicecall/40038/hold'],
    ['gethold with no held call', '200-015', 'POST', '/voicecall/40038/gethold?callid=1455885056-1095'],
    ['gethold without callid', '000-002', 'POST', '/voicecall/40038/gethold'],
    ['release with no call', '200-017', 'DELETE', '/voicecall/40038/release'],
    ['dropcall of an unknown call', '200-017', 'POST', '/voicecall/40038/dropcall/1455885056-1095'],
    ['answer with no call', '200-002', 'PUT', '/voicecall/40038/answer'],
    ['seconddialex with no call', '100-007', 'POST', '/voicecall/40038/seconddialex?number=1'],
  ])('%s → %s', async (_name, retcode, method, path) => {
    await start();
    const agent = await signIn('40038');
    expect(await agent.call(method, path)).toEqual({ message: expect.any(String), retcode });
  });

  it('refuses to hold a call that is not talking yet (200-014) and to retrieve the wrong call (200-015)', async () => {
    await start({ farEndAnswerDelayMs: 60_000 });
    const agent = await signIn('40038');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' });
    await agent.eventsUntil('AgentEvent_Customer_Alerting');
    expect((await agent.call('POST', '/voicecall/40038/hold')).retcode).toBe('200-014');
    expect((await agent.call('POST', '/voicecall/40038/gethold?callid=1455885056-9999')).retcode).toBe('200-015');
  });

  it('refuses to retrieve a held call while another call is active (200-016)', async () => {
    const { agent, callid } = await talking();
    await agent.call('POST', '/voicecall/40038/hold');
    await agent.call('PUT', '/voicecall/40038/callout', { called: '70094' });
    await agent.eventsUntil('AgentEvent_Talking');
    expect((await agent.call('POST', `/voicecall/40038/gethold?callid=${callid}`)).retcode).toBe('200-016');
  });

  it('the customer of a held call can hang up', async () => {
    const { agent, callid } = await talking();
    await agent.call('POST', '/voicecall/40038/hold');
    await agent.nextEvent();
    expect(emulator.control.customerHangup('40038')).toEqual({ ok: true, applied: 'current-call', callId: callid });
    expect(typesOf(await agent.eventsUntil('AgentState_Ready'))).toEqual([
      'AgentEvent_Customer_Release',
      'AgentEvent_Call_Release',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
  });
});

describe('seconddialex', () => {
  it.each([
    ['*', '*'],
    ['%23', '#'],
    ['12%2334*', '12#34*'],
    ['0123456789', '0123456789'],
  ])('number=%s sends %j, answers {} and emits no event', async (query, digits) => {
    const { agent, callid } = await talking();
    const emitted = recordEmissions(emulator);
    expect(await agent.call('POST', `/voicecall/40038/seconddialex?number=${query}`)).toEqual({ message: '', retcode: '0', result: {} });
    expect(emulator.control.agent('40038')?.dtmf).toEqual([{ callId: callid, digits, at: expect.any(Number) }]);
    expect((await agent.poll()).event).toBeNull();
    expect(emitted).toEqual([]);
  });

  it.each([
    ['a + (a space once decoded)', '1+2'],
    ['letters', 'AB'],
    ['25 digits', '1'.repeat(25)],
    ['nothing', ''],
  ])('refuses %s with 000-002 and sends nothing', async (_name, query) => {
    const { agent } = await talking();
    expect((await agent.call('POST', `/voicecall/40038/seconddialex?number=${query}`)).retcode).toBe('000-002');
    expect(emulator.control.agent('40038')?.dtmf).toEqual([]);
  });

  it('receives only the digits before an unencoded # (the rest is a URL fragment)', async () => {
    const { agent } = await talking();
    expect((await agent.call('POST', '/voicecall/40038/seconddialex?number=12#34')).retcode).toBe('0');
    expect(emulator.control.agent('40038')?.dtmf?.map((record) => record.digits)).toEqual(['12']);
  });

  it('refuses digits on a held call (100-007)', async () => {
    const { agent } = await talking();
    await agent.call('POST', '/voicecall/40038/hold');
    expect((await agent.call('POST', '/voicecall/40038/seconddialex?number=1')).retcode).toBe('100-007');
  });
});

describe('mute', () => {
  it('mutes and unmutes a talking call, and refuses without one', async () => {
    const { agent } = await talking();
    expect((await agent.call('POST', '/voicecall/40038/beginmute')).retcode).toBe('0');
    expect(emulator.control.agent('40038')?.muted).toBe(true);
    expect((await agent.call('POST', '/voicecall/40038/endmute')).retcode).toBe('0');
    expect(emulator.control.agent('40038')?.muted).toBe(false);
    await agent.call('DELETE', '/voicecall/40038/release');
    expect((await agent.call('POST', '/voicecall/40038/beginmute')).retcode).toBe('100-007');
  });
});

describe('callinner', () => {
  it('40038 → 40040: events on both agents, then a release seen from both sides', async () => {
    await start();
    const caller = await signIn('40038');
    const called = await signIn('40040');
    const response = await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' });
    expect(response.retcode).toBe('0');
    const callid = String(response.result);
    const talkingContent = { caller: '40038', callid, called: '40040', feature: '6', type: 'main', mediaAbility: '0' };
    const a = on('40038');
    const b = on('40040');

    expect(await caller.eventsUntil('AgentEvent_Talking')).toEqual([
      a('AgentOther_PhoneAlerting', null),
      a('AgentOther_PhoneOffhook', { type: 'main' }),
      a('AgentState_Busy', null),
      a('AgentEvent_Customer_Alerting', { callid, otherPhoneWorkno: '40040', otherPhone: '40040', type: 'main' }),
      a('AgentEvent_Talking', talkingContent),
    ]);
    expect(await called.eventsUntil('AgentEvent_Talking')).toEqual([
      b('AgentOther_PhoneAlerting', null),
      b('AgentOther_PhoneOffhook', { type: 'main' }),
      b('AgentState_Busy', null),
      b('AgentEvent_Talking', talkingContent),
    ]);

    await caller.call('DELETE', '/voicecall/40038/release');
    expect(await caller.eventsUntil('AgentState_Ready')).toEqual([
      a('AgentEvent_Call_Release', callid),
      a('AgentEvent_Customer_Release', { callid, number: '40040' }),
      a('AgentOther_PhoneRelease', { phoneState: 2 }),
      a('AgentState_Ready', null),
    ]);
    expect(await called.eventsUntil('AgentState_Ready')).toEqual([
      b('AgentEvent_Customer_Release', { callid, number: '40038' }),
      b('AgentEvent_Call_Release', callid),
      b('AgentOther_PhoneRelease', { phoneState: 3 }),
      b('AgentState_Ready', null),
    ]);
  });

  it('rings a called agent without autoanswer until it answers with PUT answer', async () => {
    await start({ noAnswerDelayMs: 60_000 });
    const caller = await signIn('40038');
    const called = await signIn('40040', { autoanswer: 'false' });
    await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' });
    await caller.eventsUntil('AgentEvent_Customer_Alerting');
    expect((await called.nextEvent()).eventType).toBe('AgentOther_PhoneAlerting');
    expect(emulator.control.agent('40040')?.calls).toMatchObject([{ role: 'recipient', phase: 'phone-alerting' }]);

    expect(await called.call('PUT', '/voicecall/40040/answer')).toEqual({ message: '', retcode: '0', result: {} });
    expect(typesOf(await called.eventsUntil('AgentEvent_Talking'))).toEqual(['AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentEvent_Talking']);
    expect((await caller.nextEvent()).eventType).toBe('AgentEvent_Talking');
  });

  it('the ringing called agent can be answered by the tester, or refuse with DELETE release (busy for the caller)', async () => {
    await start({ noAnswerDelayMs: 60_000 });
    const caller = await signIn('40038');
    const called = await signIn('40040', { autoanswer: 'false' });
    await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' });
    await called.eventsUntil('AgentOther_PhoneAlerting');
    expect(emulator.control.answer('40040')).toMatchObject({ ok: true, applied: 'current-call' });
    expect((await caller.eventsUntil('AgentEvent_Talking')).at(-1)?.content).toMatchObject({ feature: '6' });
    await caller.call('DELETE', '/voicecall/40038/release');
    await caller.eventsUntil('AgentState_Ready');
    await called.eventsUntil('AgentState_Ready');

    await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' });
    await called.eventsUntil('AgentOther_PhoneAlerting');
    expect((await called.call('DELETE', '/voicecall/40040/release')).retcode).toBe('0');
    expect(await called.nextEvent()).toEqual(on('40040')('AgentOther_PhoneRelease', { phoneState: 2 }));
    const events = await caller.eventsUntil('AgentState_Ready');
    expect(events.find((event) => event.eventType === 'OUTBOUND_DETECT_EVENT')?.content).toMatchObject({ detect: 47 });
  });

  it('a called agent signed out during the call is, for the caller, the other party hanging up', async () => {
    await start();
    const caller = await signIn('40038');
    const called = await signIn('40040');
    const callid = (await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' })).result;
    await caller.eventsUntil('AgentEvent_Talking');
    expect(emulator.control.forceSignOut('40040')).toEqual({ ok: true, applied: 'session' });
    expect(typesOf(await called.eventsUntil('AgentOther_ShutdownService')).slice(-1)).toEqual(['AgentOther_ShutdownService']);
    expect(await caller.eventsUntil('AgentState_Ready')).toEqual([
      on('40038')('AgentEvent_Customer_Release', { callid, number: '40040' }),
      on('40038')('AgentEvent_Call_Release', callid),
      on('40038')('AgentOther_PhoneRelease', { phoneState: 3 }),
      on('40038')('AgentState_Ready', null),
    ]);
  });

  it('an unanswered internal call fails for the caller and stops ringing at the called agent', async () => {
    await start();
    const caller = await signIn('40038');
    const called = await signIn('40040', { autoanswer: 'false' });
    const callid = (await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' })).result;
    const events = await caller.eventsUntil('AgentState_Ready');
    expect(typesOf(events).slice(-5)).toEqual([
      'AgentEvent_Call_Out_Fail',
      'OUTBOUND_DETECT_EVENT',
      'AgentEvent_Connect_Fail',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect(events.at(-4)?.content).toEqual({ callId: callid, detect: 8, desc: 'The called party does not answer.' });
    expect(await called.eventsUntil('AgentOther_PhoneRelease')).toEqual([
      on('40040')('AgentOther_PhoneAlerting', null),
      on('40040')('AgentOther_PhoneRelease', { phoneState: 3 }),
    ]);
  });

  it('a called agent already in a call is busy for the caller', async () => {
    await start();
    const caller = await signIn('40038');
    const called = await signIn('40040');
    await called.call('PUT', '/voicecall/40040/callout', { called: '70092' });
    await caller.call('PUT', '/voicecall/40038/callinner', { called: '40040' });
    const events = await caller.eventsUntil('AgentState_Ready');
    expect(events.find((event) => event.eventType === 'OUTBOUND_DETECT_EVENT')?.content).toMatchObject({ detect: 47 });
  });

  it.each([
    ['the called agent is not signed in', { called: '40040' }, '100-007'],
    ['calling oneself', { called: '40038' }, '000-002'],
    ['a called id out of range', { called: '99' }, '000-002'],
    ['no called agent', {}, '000-002'],
  ])('refuses when %s (%s), without any event', async (_name, body, retcode) => {
    await start();
    const caller = await signIn('40038');
    const emitted = recordEmissions(emulator);
    expect(await caller.call('PUT', '/voicecall/40038/callinner', body)).toEqual({ message: expect.any(String), retcode });
    expect(emitted).toEqual([]);
  });
});
