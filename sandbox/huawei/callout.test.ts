import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './index';
import { FAST_TIMINGS, recordEmissions, SANDBOX_SIGN_IN, TestAgent, typesOf, type WireEvent } from './testClient';

let emulator: HuaweiEmulator;
let url: string;

/** An emulator with agent 40038 signed in and its InService event already polled. */
async function signedIn(options: Partial<HuaweiEmulatorOptions> = {}, signIn: Record<string, unknown> = {}): Promise<TestAgent> {
  emulator = createHuaweiEmulator({ ...FAST_TIMINGS, ...options });
  url = await emulator.listen();
  const agent = new TestAgent(url, '40038');
  expect((await agent.signIn({ ...SANDBOX_SIGN_IN, phonenum: '40038', ...signIn })).retcode).toBe('0');
  expect((await agent.nextEvent()).eventType).toBe('AgentOther_InService');
  return agent;
}

afterEach(async () => {
  await emulator.close();
});

const callout = (agent: TestAgent, body: unknown) => agent.call('PUT', '/voicecall/40038/callout', body);
const event = (eventType: string, content: unknown): WireEvent => ({ eventType, workNo: '40038', content });

describe('callout: the documentation sample', () => {
  it('answers the documented call id and emits the documented event sequence', async () => {
    const agent = await signedIn();
    const body = { caller: '40038', called: '40040', skillid: 25, callappdata: '', mediaability: 1 };
    const response = await agent.send('PUT', '/voicecall/40038/callout', body);
    expect(JSON.parse(response.text)).toEqual({ message: '', retcode: '0', result: '1455885056-1095' });

    const callid = '1455885056-1095';
    expect(await agent.eventsUntil('AgentEvent_Talking')).toEqual([
      event('AgentOther_PhoneAlerting', null),
      event('AgentOther_PhoneOffhook', { type: 'main' }),
      event('AgentState_Busy', null),
      event('AgentEvent_Customer_Alerting', { callid, otherPhoneWorkno: '', otherPhone: '40040', type: 'main' }),
      event('AgentEvent_Talking', { caller: '40038', callid, called: '40040', feature: '7', type: 'main', mediaAbility: '1' }),
    ]);
    const logged = emulator.server.log.list('/voicecall/40038/callout');
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.body ?? '')).toEqual(body);
  });
});

describe('callout: outcome script', () => {
  it('presents the default calling number when caller is empty, and numbers call ids upwards', async () => {
    const agent = await signedIn();
    const first = (await callout(agent, { called: '70092', caller: '' })).result;
    const events = await agent.eventsUntil('AgentEvent_Talking');
    expect(events.at(-1)?.content).toMatchObject({ caller: '10086', called: '70092', mediaAbility: '0', callid: first });
    await agent.call('DELETE', '/voicecall/40038/release');
    await agent.eventsUntil('AgentState_Ready');
    expect((await callout(agent, { called: '70092' })).result).toMatch(/^\d{10}-1096$/);
  });

  it('busy (ends in 9): Call_Out_Fail, OUTBOUND_DETECT_EVENT, Connect_Fail, PhoneRelease, Ready', async () => {
    const agent = await signedIn();
    const callid = (await callout(agent, { called: '70099' })).result;
    const events = await agent.eventsUntil('AgentState_Ready');
    expect(typesOf(events)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Call_Out_Fail',
      'OUTBOUND_DETECT_EVENT',
      'AgentEvent_Connect_Fail',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect(events[3]?.content).toBe(callid);
    expect(events[4]?.content).toEqual({ callId: callid, detect: 47, desc: 'The called party is busy.' });
    expect(events[5]?.content).toBe(callid);
    expect(events[6]?.content).toEqual({ phoneState: 3 });
  });

  it('no answer (ends in 8): the customer rings, then the call fails after the no-answer delay', async () => {
    const agent = await signedIn();
    const callid = (await callout(agent, { called: '70098' })).result;
    const events = await agent.eventsUntil('AgentState_Ready');
    expect(typesOf(events)).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Customer_Alerting',
      'AgentEvent_Call_Out_Fail',
      'OUTBOUND_DETECT_EVENT',
      'AgentEvent_Connect_Fail',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
    expect(events[5]?.content).toEqual({ callId: callid, detect: 8, desc: 'The called party does not answer.' });
  });

  it('a calling number outside the seeded list is accepted, then fails with detect 1552', async () => {
    const agent = await signedIn();
    const response = await callout(agent, { called: '70092', caller: '12345' });
    expect(response.retcode).toBe('0');
    const callid = response.result;
    expect(typesOf(await agent.eventsUntil('AgentEvent_Call_Out_Fail'))).toEqual([
      'AgentOther_PhoneAlerting',
      'AgentOther_PhoneOffhook',
      'AgentState_Busy',
      'AgentEvent_Call_Out_Fail',
    ]);
    const detect = JSON.parse((await agent.send('GET', '/agentevent/40038')).text);
    expect(detect).toEqual({
      message: 'success',
      retcode: '0',
      event: {
        eventType: 'OUTBOUND_DETECT_EVENT',
        workNo: '40038',
        content: { callId: callid, detect: 1552, desc: 'The calling number is not allowed to make a call.' },
      },
    });
    expect(typesOf(await agent.eventsUntil('AgentState_Ready'))).toEqual([
      'AgentEvent_Connect_Fail',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
  });

  it('70093 answers, then the customer hangs up: Customer_Release, Call_Release, PhoneRelease, Ready', async () => {
    const agent = await signedIn();
    const callid = (await callout(agent, { called: '70093' })).result;
    await agent.eventsUntil('AgentEvent_Talking');
    expect(await agent.eventsUntil('AgentState_Ready')).toEqual([
      event('AgentEvent_Customer_Release', { callid, number: '70093' }),
      event('AgentEvent_Call_Release', callid),
      event('AgentOther_PhoneRelease', { phoneState: 3 }),
      event('AgentState_Ready', null),
    ]);
  });

  it('000000 is refused up front with 200-001: no result, no event', async () => {
    const agent = await signedIn();
    const emitted = recordEmissions(emulator);
    const response = await agent.send('PUT', '/voicecall/40038/callout', { called: '000000' });
    expect(JSON.parse(response.text)).toEqual({ message: expect.any(String), retcode: '200-001' });
    expect((await agent.poll()).event).toBeNull();
    expect(emitted).toEqual([]);
  });
});

describe('callout: release by the agent', () => {
  it('while talking: Call_Release, Customer_Release, PhoneRelease (agent hung up), Ready', async () => {
    const agent = await signedIn();
    const callid = (await callout(agent, { called: '70092' })).result;
    await agent.eventsUntil('AgentEvent_Talking');
    expect(await agent.call('DELETE', '/voicecall/40038/release')).toEqual({ message: '', retcode: '0', result: {} });
    expect(await agent.eventsUntil('AgentState_Ready')).toEqual([
      event('AgentEvent_Call_Release', callid),
      event('AgentEvent_Customer_Release', { callid, number: '70092' }),
      event('AgentOther_PhoneRelease', { phoneState: 2 }),
      event('AgentState_Ready', null),
    ]);
    expect((await agent.call('DELETE', '/voicecall/40038/release')).retcode).toBe('200-017');
  });

  it('while the customer rings (cancel), and by call id with dropcall', async () => {
    const agent = await signedIn({ farEndAnswerDelayMs: 60_000 });
    const callid = String((await callout(agent, { called: '70092' })).result);
    await agent.eventsUntil('AgentEvent_Customer_Alerting');
    expect((await agent.call('POST', '/voicecall/40038/dropcall/1-1')).retcode).toBe('200-017');
    expect((await agent.call('POST', `/voicecall/40038/dropcall/${callid}`)).retcode).toBe('0');
    expect(typesOf(await agent.eventsUntil('AgentState_Ready'))).toEqual([
      'AgentEvent_Call_Release',
      'AgentEvent_Customer_Release',
      'AgentOther_PhoneRelease',
      'AgentState_Ready',
    ]);
  });

  it('enters wrap-up after the call when autoenteridle is false', async () => {
    const agent = await signedIn({}, { autoenteridle: 'false' });
    await callout(agent, { called: '70093' });
    expect(typesOf(await agent.eventsUntil('AgentState_Work')).slice(-2)).toEqual(['AgentOther_PhoneRelease', 'AgentState_Work']);
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 5, isWorking: false });
  });

  it('keeps the phone off-hook between calls when releasephone is false', async () => {
    const agent = await signedIn({}, { releasephone: 'false' });
    await callout(agent, { called: '70093' });
    const first = typesOf(await agent.eventsUntil('AgentState_Ready'));
    expect(first).toContain('AgentOther_PhoneOffhook');
    expect(first).not.toContain('AgentOther_PhoneRelease');
    await callout(agent, { called: '70092' });
    expect(typesOf(await agent.eventsUntil('AgentEvent_Talking'))).toEqual([
      'AgentState_Busy',
      'AgentEvent_Customer_Alerting',
      'AgentEvent_Talking',
    ]);
  });
});

describe('callout: refusals', () => {
  it.each([
    ['called missing', { caller: '40038' }, '000-002'],
    ['called with +', { called: '+447700900123' }, '000-002'],
    ['called of 25 digits', { called: '1'.repeat(25) }, '000-002'],
    ['caller with letters', { called: '70092', caller: 'x40038' }, '000-002'],
    ['callappdata over 16 KB', { called: '70092', callappdata: 'é'.repeat(8_193) }, '000-002'],
    ['mediaability 5', { called: '70092', mediaability: 5 }, '000-002'],
    ['skillid not a number', { called: '70092', skillid: 'voice' }, '000-002'],
    ['a body that is not JSON', 'called=70092', '000-002'],
    ['the wrong-number list', { called: '000000' }, '200-001'],
  ])('%s → %s, without result and without any event', async (_name, body, retcode) => {
    const agent = await signedIn();
    const emitted = recordEmissions(emulator);
    const response = await agent.send('PUT', '/voicecall/40038/callout', body);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ message: expect.any(String), retcode });
    expect(emitted).toEqual([]);
    expect(emulator.control.agent('40038')?.calls).toEqual([]);
  });

  it('refuses an agent id out of range with 000-002', async () => {
    const agent = await signedIn();
    expect((await agent.call('PUT', '/voicecall/100/callout', { called: '70092' })).retcode).toBe('000-002');
  });

  it('refuses a callout while a call is active (100-007) but allows it beside a held call', async () => {
    const agent = await signedIn();
    const first = String((await callout(agent, { called: '70092' })).result);
    expect((await callout(agent, { called: '70094' })).retcode).toBe('100-007');
    await agent.eventsUntil('AgentEvent_Talking');
    expect((await callout(agent, { called: '70094' })).retcode).toBe('100-007');

    await agent.call('POST', '/voicecall/40038/hold');
    expect(await agent.nextEvent()).toEqual(event('AgentEvent_Hold', first));
    const second = await callout(agent, { called: '70094' });
    expect(second.retcode).toBe('0');
    // The phone is already off-hook for the held call: no ringing of the agent's phone.
    expect(typesOf(await agent.eventsUntil('AgentEvent_Talking'))).toEqual([
      'AgentState_Busy',
      'AgentEvent_Customer_Alerting',
      'AgentEvent_Talking',
    ]);
    expect(emulator.control.agent('40038')?.calls?.map((call) => call.phase)).toEqual(['held', 'talking']);
  });

  it('answers 000-007 to the same operation repeated before the first has answered; one call is placed', async () => {
    const agent = await signedIn({ operationLatencyMs: 300 });
    const [first, second] = await Promise.all([callout(agent, { called: '70092' }), callout(agent, { called: '70092' })]);
    expect([first.retcode, second.retcode].sort()).toEqual(['0', '000-007']);
    expect([first, second].find((response) => response.retcode === '000-007')).toEqual({ message: expect.any(String), retcode: '000-007' });
    expect(emulator.control.agent('40038')?.calls).toHaveLength(1);
    expect(emulator.server.log.list('/voicecall/40038/callout')).toHaveLength(2);
    // A different operation meanwhile is not refused.
    const [status, third] = await Promise.all([agent.call('GET', '/onlineagent/40038/agentstatus'), callout(agent, { called: '70092' })]);
    expect(status.retcode).toBe('0');
    expect(third.retcode).toBe('100-007');
  });
});

describe('callinfo', () => {
  it('reports the current call, then the last one unless isNoContainLastCall=true', async () => {
    const agent = await signedIn();
    const callid = (await callout(agent, { called: '70093', skillid: 25 })).result;
    expect((await agent.call('GET', '/calldata/40038/callinfo?isNoContainLastCall=false')).result).toEqual({
      callid,
      caller: '10086',
      called: '70093',
      callskillid: 25,
    });
    await agent.eventsUntil('AgentState_Ready');
    expect((await agent.call('GET', '/calldata/40038/callinfo?isNoContainLastCall=false')).result).toMatchObject({ callid });
    expect((await agent.call('GET', '/calldata/40038/callinfo?isNoContainLastCall=true')).result).toEqual({});
  });
});

describe('agent state around a call', () => {
  it('reports talking (7) during the call and idle (4) after it; a busy request waits for the call to end', async () => {
    const agent = await signedIn({ farEndAnswerDelayMs: 60_000 });
    await callout(agent, { called: '70092' });
    await agent.eventsUntil('AgentEvent_Customer_Alerting');
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 7, isWorking: true });
    await agent.call('POST', '/onlineagent/40038/saybusy?reason=200');
    expect((await agent.nextEvent()).eventType).toBe('AgentState_SetNotReady_Success');
    await agent.call('DELETE', '/voicecall/40038/release');
    expect((await agent.eventsUntil('AgentState_SetNotReady_Success')).at(-1)?.content).toEqual({ reason: '200' });
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 3, isWorking: false });
    await agent.call('POST', '/onlineagent/40038/sayfree');
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).result).toEqual({ agentState: 4, isWorking: false });
  });

  it('lists the agent skills and signs skills in', async () => {
    const agent = await signedIn();
    expect((await agent.call('GET', '/onlineagent/40038/agentskills')).result).toEqual([{ skillId: 25, skillName: 'voice' }]);
    expect((await agent.call('POST', '/onlineagent/40038/resetskill/true')).retcode).toBe('0');
    expect((await agent.call('POST', '/onlineagent/40038/resetskill/false?skillid=25')).retcode).toBe('0');
    expect((await agent.call('POST', '/onlineagent/40038/resetskill/false?skillid=26')).retcode).toBe('000-002');
    expect((await agent.call('POST', '/onlineagent/40038/resetskill/maybe')).retcode).toBe('000-002');
  });
});
