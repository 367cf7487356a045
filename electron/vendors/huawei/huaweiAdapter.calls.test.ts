import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../sandbox/framework/faults';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from '../../../sandbox/huawei';
import type { CallObservation, DialIntent } from '../adapter';
import { createTestAgent, FAST_EMULATOR, phone, WireTap, type TestAgent, type TestAgentOptions } from './testSupport';

const ROOT = '/agentgateway/resource';
const CALLOUT = `${ROOT}/voicecall/40038/callout`;
const FIRST_CALL_ID = '1455885056-1095';

let emulator: HuaweiEmulator;
let url: string;
let tap: WireTap;
let emulatorClosed = false;
const agents: TestAgent[] = [];

async function start(options: Partial<HuaweiEmulatorOptions> = {}): Promise<void> {
  emulator = createHuaweiEmulator({ ...FAST_EMULATOR, ...options });
  url = await emulator.listen(0);
  tap = new WireTap(emulator.server.httpServer);
}

async function signedIn(options: TestAgentOptions = {}): Promise<TestAgent> {
  const created = createTestAgent(url, options);
  agents.push(created);
  await created.adapter.signIn();
  return created;
}

const calloutRequests = () => emulator.server.log.list(`^${CALLOUT}$`);
const fault = (spec: Partial<FaultSpec> & { path: string }): number => emulator.server.faults.add({ action: 'respond', times: 1, ...spec });
const summary = (observations: CallObservation[]) => observations.map((o) => [o.state, o.rawState]);

/** Dials as the core does: a record first, then the adapter. */
async function dial({ host, adapter }: TestAgent, intent: DialIntent): Promise<{ vendorCallId?: string }> {
  host.track(intent.localId, intent.target);
  return adapter.dial(intent);
}

afterEach(async () => {
  for (const { adapter } of agents.splice(0)) await adapter.dispose();
  if (!emulatorClosed) await emulator.close();
  emulatorClosed = false;
  expect(tap.maxOpenPolls).toBeLessThanOrEqual(1);
});

describe('callout', () => {
  it('reaches Talking through the documented events, with the profile phone as caller', async () => {
    await start();
    const agent = await signedIn();

    expect(await dial(agent, { localId: 'L1', target: phone('70092') })).toEqual({ vendorCallId: FIRST_CALL_ID });
    const connected = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    expect(JSON.parse(calloutRequests()[0]?.body ?? '')).toEqual({ caller: '40038', called: '70092', mediaability: 0 });
    expect(summary(agent.host.observationsOf('L1'))).toEqual([
      ['dialing', 'callout accepted'],
      ['dialing', 'AgentOther_PhoneAlerting'],
      ['dialing', 'AgentOther_PhoneOffhook'],
      ['ringing', 'AgentEvent_Customer_Alerting'],
      ['connected', 'AgentEvent_Talking'],
    ]);
    expect(connected).toMatchObject({ vendorCallId: FIRST_CALL_ID, actions: ['hangup', 'hold', 'dtmf'] });
    // AgentState_Busy came with the call: it is not the user's busy state.
    expect(agent.host.sessions.map((change) => change.status)).toEqual(['signing-in', 'signed-in']);
  });

  it('sends the documented optional fields', async () => {
    await start();
    const agent = await signedIn();
    await dial(agent, {
      localId: 'L1',
      target: phone('70092'),
      from: { presentedCli: '10086' },
      options: { vendor: 'huawei', skillId: 25, callAppData: 'order=42', mediaAbility: 2 },
    });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    expect(JSON.parse(calloutRequests()[0]?.body ?? '')).toEqual({ caller: '10086', called: '70092', skillid: 25, callappdata: 'order=42', mediaability: 2 });
  });

  it('a calling number the platform does not allow: failed with the OUTBOUND_DETECT_EVENT description', async () => {
    await start();
    const agent = await signedIn();
    await dial(agent, { localId: 'L1', target: phone('70092'), from: { presentedCli: '55555' } });
    const failed = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'failed');
    expect(failed).toMatchObject({
      rawState: 'AgentEvent_Call_Out_Fail',
      sourceEvent: 'OUTBOUND_DETECT_EVENT',
      failure: { code: 'detect 1552', message: 'The calling number is not allowed to make a call.' },
      actions: [],
    });
    expect(agent.host.observationsOf('L1').filter((o) => o.state === 'failed')).toHaveLength(1);
  });

  it.each([
    ['is busy', '70099'],
    ['does not answer', '70098'],
  ])('the customer %s: failed', async (_name, number) => {
    await start();
    const agent = await signedIn();
    await dial(agent, { localId: 'L1', target: phone(number) });
    const failed = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'failed');
    expect(failed.rawState).toBe('AgentEvent_Call_Out_Fail');
    expect(failed.failure?.message).toBeTruthy();
  });

  it('a wrong number (200-001): refused with the gateway\u2019s words, and the next call goes through', async () => {
    await start();
    const agent = await signedIn();
    const error = await dial(agent, { localId: 'L1', target: phone('000000') }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VENDOR_REJECTED', message: expect.stringContaining('200-001'), hint: 'Check the number you dialled.' });
    expect((error as { vendorMessage?: string }).vendorMessage).toBe(tap.responses.find((r) => r.path === CALLOUT)?.message || 'retcode 200-001');
    expect(agent.host.observationsOf('L1')).toEqual([]);

    await dial(agent, { localId: 'L2', target: phone('70092') });
    await agent.host.waitForObservation((o) => o.localId === 'L2' && o.state === 'connected');
  });

  it('the customer hangs up: ended', async () => {
    await start();
    const agent = await signedIn();
    await dial(agent, { localId: 'L1', target: phone('70093') });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    const ended = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');
    expect(ended.rawState).toBe('AgentEvent_Customer_Release');
  });

  it('callinner: an agent target calls agent 40040', async () => {
    await start();
    const caller = await signedIn();
    const callee = await signedIn({ agentId: '40040' });

    const { vendorCallId } = await dial(caller, { localId: 'L1', target: { kind: 'agent', agentId: '40040' } });
    expect(vendorCallId).toBeDefined();
    expect(JSON.parse(emulator.server.log.list(`${ROOT}/voicecall/40038/callinner`)[0]?.body ?? '')).toEqual({ called: '40040' });
    expect(calloutRequests()).toEqual([]);

    await callee.host.waitForObservation((o) => o.vendorCallId === vendorCallId);
    emulator.control.answer('40040');
    await caller.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
  });
});

describe('during a call', () => {
  async function talking(): Promise<{ agent: TestAgent; vendorCallId: string }> {
    await start();
    const agent = await signedIn();
    const { vendorCallId } = await dial(agent, { localId: 'L1', target: phone('70092') });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    return { agent, vendorCallId: vendorCallId ?? '' };
  }

  it('hold and unhold (gethold with the call id)', async () => {
    const { agent, vendorCallId } = await talking();
    await agent.adapter.hold?.({ localId: 'L1', vendorCallId });
    const held = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'held');
    expect(held).toMatchObject({ rawState: 'AgentEvent_Hold', actions: ['hangup', 'retrieve'] });

    await agent.adapter.retrieve?.({ localId: 'L1' });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected' && agent.host.observationsOf('L1').indexOf(o) > agent.host.observationsOf('L1').indexOf(held));
    expect(emulator.server.log.list(`${ROOT}/voicecall/40038/gethold`).map((request) => request.query)).toEqual([`?callid=${vendorCallId}`]);
  });

  it('sends tones with seconddialex, # URL-encoded', async () => {
    const { agent, vendorCallId } = await talking();
    await agent.adapter.sendDigits?.({ localId: 'L1', vendorCallId }, '12*#');
    expect(emulator.server.log.list('/seconddialex$').map((request) => request.query)).toEqual(['?number=12*%23']);
    expect(emulator.control.agent('40038')?.dtmf?.map((record) => record.digits)).toEqual(['12*#']);
  });

  it('refuses tones outside 0-9 * # without sending anything', async () => {
    const { agent, vendorCallId } = await talking();
    await expect(agent.adapter.sendDigits?.({ localId: 'L1', vendorCallId }, '12a')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('0-9, * or #') });
    expect(emulator.server.log.list('/seconddialex$')).toEqual([]);
  });

  it('hangs up: ended by AgentEvent_Call_Release', async () => {
    const { agent, vendorCallId } = await talking();
    await agent.adapter.hangup({ localId: 'L1', vendorCallId });
    const ended = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');
    expect(ended).toMatchObject({ rawState: 'AgentEvent_Call_Release', actions: [] });
    expect(emulator.server.log.list('/voicecall/40038/release$').map((request) => request.method)).toEqual(['DELETE']);
  });

  it('hanging up a call the gateway no longer has (200-017) ends it', async () => {
    await start();
    const agent = await signedIn();
    agent.host.track('L9', phone('70092'));
    await agent.adapter.hangup({ localId: 'L9', vendorCallId: '9-9' });
    expect(agent.host.observationsOf('L9')).toMatchObject([{ state: 'ended', rawState: 'release: 200-017' }]);
  });

  it('a double click: the second dial, while the first is on its way, sends nothing', async () => {
    await start({ operationLatencyMs: 100 });
    const agent = await signedIn();
    const first = dial(agent, { localId: 'L1', target: phone('70092') });
    await expect(dial(agent, { localId: 'L2', target: phone('70092') })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('already on a call') });
    await first;
    expect(calloutRequests()).toHaveLength(1);
  });

  it('a second call while one is in progress is refused without a request', async () => {
    const { agent } = await talking();
    await expect(dial(agent, { localId: 'L2', target: phone('70092') })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('already on a call') });
    expect(calloutRequests()).toHaveLength(1);
  });
});

describe('post-dial digits', () => {
  it('are sent after Talking, in order, with the pauses timed by the adapter', async () => {
    await start();
    const agent = await signedIn();
    await dial(agent, { localId: 'L1', target: phone('70092', '1,,#9') });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    await tap.until(() => tap.responses.filter((r) => r.path.endsWith('/seconddialex')).length === 2, 'both tone requests');

    const tones = emulator.server.log.list('/seconddialex$');
    expect(tones.map((request) => request.query)).toEqual(['?number=1', '?number=%239']);
    const talkingAt = emulator.server.log.list('/agentevent/').at(0)?.at ?? 0;
    expect(tones[0]?.at).toBeGreaterThan(talkingAt);
    expect(emulator.control.agent('40038')?.dtmf?.map((record) => record.digits)).toEqual(['1', '#9']);
  });

  it('are not sent when the call fails', async () => {
    await start();
    const agent = await signedIn();
    await dial(agent, { localId: 'L1', target: phone('70099', '123') });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'failed');
    await dial(agent, { localId: 'L2', target: phone('70092') });
    await agent.host.waitForObservation((o) => o.localId === 'L2' && o.state === 'connected');
    expect(emulator.server.log.list('/seconddialex$')).toEqual([]);
  });
});

describe('dispose', () => {
  it('stops the poll loop and the post-dial timers', async () => {
    await start();
    const agent = await signedIn({ timings: { postDialPauseMs: 300 } });
    await dial(agent, { localId: 'L1', target: phone('70092', ',1') });
    await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    await agent.adapter.dispose();
    await tap.until(() => (tap.openPolls.get(`${ROOT}/agentevent/40038`) ?? 0) === 0, 'the last poll answered');
    const polls = emulator.server.log.list('/agentevent/').length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(emulator.server.log.list('/seconddialex$')).toEqual([]);
    expect(emulator.server.log.list('/agentevent/')).toHaveLength(polls);
  });
});

describe('never a second callout', () => {
  it('a timeout: OUTCOME_UNKNOWN, one callout, and the call is found again from its events', async () => {
    await start();
    const agent = await signedIn({ timings: { requestTimeoutMs: 300 } });
    fault({ path: '/callout$', action: 'delay', delayMs: 800 });

    const error = await dial(agent, { localId: 'L1', target: phone('70092') }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringContaining('No answer within'), hint: expect.stringContaining('before dialling again') });
    agent.host.markUnknown('L1');

    const connected = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    expect(connected.vendorCallId).toBe(FIRST_CALL_ID);
    expect(calloutRequests()).toHaveLength(1);
  });

  it.each([
    ['100-007', { retcode: '100-007', message: 'An exception occurred during the agent operation.' }],
    ['000-007', { retcode: '000-007', message: '' }],
  ])('%s: OUTCOME_UNKNOWN with the gateway\u2019s words, one callout, and a resync', async (retcode, body) => {
    await start();
    const agent = await signedIn();
    fault({ path: '/callout$', status: 200, body });

    const error = await dial(agent, { localId: 'L1', target: phone('70092') }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringContaining(retcode), vendorMessage: body.message || `retcode ${retcode}` });
    await tap.until(() => tap.responses.some((r) => r.path.endsWith('/callinfo')), 'the resync');
    expect(emulator.server.log.list('/callinfo$').map((request) => request.query)).toEqual(['?isNoContainLastCall=true']);
    expect(calloutRequests()).toHaveLength(1);
  });

  it.each([
    ['a dropped connection', { action: 'drop' as const }],
    ['a 502 from a proxy', { status: 502, body: '<html>Bad Gateway</html>' }],
    ['a body that is not the envelope', { status: 200, body: 'OK' }],
  ])('%s: OUTCOME_UNKNOWN and one callout', async (_name, spec) => {
    await start();
    const agent = await signedIn();
    fault({ path: '/callout$', ...spec });
    await expect(dial(agent, { localId: 'L1', target: phone('70092') })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(calloutRequests()).toHaveLength(1);
  });

  it('a callout the gateway never executed: OUTCOME_UNKNOWN, then settled as failed (not reported) by the resync after the grace', async () => {
    await start();
    const agent = await signedIn({ timings: { requestTimeoutMs: 300, unclearGraceMs: 300 } });
    fault({ path: '/callout$', action: 'drop' });

    await expect(dial(agent, { localId: 'L1', target: phone('70092') })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    agent.host.markUnknown('L1');
    const settled = await agent.host.waitForObservation((o) => o.localId === 'L1' && o.state === 'failed');
    expect(settled).toMatchObject({ rawState: 'callinfo: no call', failure: { code: 'NOT_REPORTED' } });
    expect(emulator.server.log.list('/callinfo$').length).toBeGreaterThanOrEqual(2);
    expect(calloutRequests()).toHaveLength(1);
    expect(agent.host.observationsOf('L1').map((o) => o.state)).toEqual(['failed']);
  });

  it('a gateway that cannot be reached: NETWORK, as nothing was sent', async () => {
    await start();
    const agent = await signedIn();
    await emulator.close();
    emulatorClosed = true;
    await expect(dial(agent, { localId: 'L1', target: phone('70092') })).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('invalid input: a clear error and no callout', () => {
  it.each<[string, DialIntent, string]>([
    ['called too long', { localId: 'L1', target: phone('1234567890123456789012345') }, 'It cannot be left empty and must be a 1- to 24-digit number or * or #.'],
    ['call data over 16 KB', { localId: 'L1', target: phone('70092'), options: { vendor: 'huawei', callAppData: 'x'.repeat(16_385) } }, 'The maximum value is 16 KB.'],
    ['an E.164 number', { localId: 'L1', target: phone('+442079460000') }, 'must be a 1- to 24-digit number'],
    ['mute prompts in post-dial', { localId: 'L1', target: phone('70092', '.1') }, 'cannot mute prompts'],
  ])('%s', async (_name, intent, wording) => {
    await start();
    const agent = await signedIn();
    const error = await dial(agent, intent).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain(wording);
    expect(calloutRequests()).toEqual([]);
    expect(agent.host.observationsOf('L1')).toEqual([]);
  });
});
