import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './index';
import { eventually, FAST_TIMINGS, SANDBOX_SIGN_IN, TestAgent, typesOf } from './testClient';

let emulator: HuaweiEmulator;
let url: string;

async function start(options: Partial<HuaweiEmulatorOptions> = {}): Promise<void> {
  emulator = createHuaweiEmulator({ ...FAST_TIMINGS, ...options });
  url = await emulator.listen();
}

afterEach(async () => {
  await emulator.close();
});

const GUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\.AgentGateway0$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in', () => {
  it('answers the documented login info and a GUID in Set-GUID', async () => {
    await start();
    const agent = new TestAgent(url, '40038');
    const response = await agent.send('PUT', '/onlineagent/40038', { ...SANDBOX_SIGN_IN, phonenum: '40038' }, {});
    expect(response.status).toBe(200);
    expect(response.headers.get('set-guid')).toMatch(/^JSESSIONID=/);
    expect(agent.guid).toMatch(GUID_FORMAT);
    const body = JSON.parse(response.text);
    expect(body).toEqual({
      message: '',
      retcode: '0',
      result: {
        vdnid: 1,
        workno: '40038',
        mediatype: 'TTF',
        loginTime: expect.stringMatching(/^\d{13}$/),
        isForceChange: 'false',
        serverName: 'AgentGateway',
        timeRemaining: '9',
      },
    });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await agent.nextEvent()).eventType).toBe('AgentOther_InService');
  });

  it('signs in the documentation sample agent with an empty password', async () => {
    await start();
    const agent = new TestAgent(url, '291');
    const result = await agent.signIn({ password: '', phonenum: '40038', status: '4', releasephone: 'false', agenttype: '4' });
    expect(result.retcode).toBe('0');
    expect(result.result).toMatchObject({ workno: '291' });
  });

  it.each([
    ['a wrong password', '40038', { password: 'nope' }, '100-004'],
    ['an agent that is not provisioned', '12345', { password: '' }, '100-004'],
    ['an agent id below 101', '99', { password: '' }, '000-002'],
    ['an agent id above 59999', '60000', { password: '' }, '000-002'],
    ['a body that is not JSON', '40038', 'password=sandbox', '100-001'],
  ])('refuses %s', async (_name, agentId, body, retcode) => {
    await start();
    const agent = new TestAgent(url, agentId);
    const result = await agent.call('PUT', `/onlineagent/${agentId}`, body);
    expect(result).toEqual({ message: expect.any(String), retcode });
    expect(agent.guid).toBeUndefined();
  });

  it('answers 100-002 to a second sign-in, and forcelogin takes the session over', async () => {
    await start();
    const first = new TestAgent(url, '40038');
    await first.signIn();
    const second = new TestAgent(url, '40038');
    expect((await second.signIn()).retcode).toBe('100-002');
    expect(second.guid).toBeUndefined();

    expect((await second.signIn(undefined, true)).retcode).toBe('0');
    expect(second.guid).not.toBe(first.guid);
    expect((await second.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
    // The displaced client drains its queue (ending with the sign-out) and then learns it is out.
    expect(typesOf(await first.eventsUntil('AgentOther_ShutdownService'))).toEqual(['AgentOther_InService', 'AgentOther_ShutdownService']);
    expect((await first.poll()).retcode).toBe('100-006');
    expect((await first.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('100-006');
  });
});

describe('GUID authentication', () => {
  it.each([
    ['no Guid header', undefined, '000-003'],
    ['an unknown GUID', 'ffffffff-ffff-4fff-bfff-ffffffffffff.AgentGateway0', '000-003'],
  ])('answers %s with %s', async (_name, guid, retcode) => {
    await start();
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    agent.guid = guid;
    expect(await agent.call('GET', '/onlineagent/40038/agentstatus')).toEqual({ message: expect.any(String), retcode });
  });

  it("refuses one agent's GUID on another agent's path (000-003)", async () => {
    await start();
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect((await agent.call('GET', '/onlineagent/40040/agentstatus')).retcode).toBe('000-003');
  });

  it('AUTHMODE 1: the sign-in GUID stays valid and polls never rotate it', async () => {
    await start({ authMode: 1, guidIntervalMs: 0, guidTimeoutMs: 0 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const guid = agent.guid;
    await agent.poll();
    await agent.poll();
    expect(agent.seenGuids).toEqual([guid]);
    expect((await agent.call('PUT', '/onlineagent/40038/updateGuid')).result).toEqual({ guid });
  });

  it('AUTHMODE 2: a new GUID arrives on a poll response after the interval, the previous one keeps working', async () => {
    await start({ authMode: 2, guidIntervalMs: 0 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const first = agent.guid;
    const poll = await agent.send('GET', '/agentevent/40038');
    expect(poll.headers.get('set-guid')).toMatch(/^JSESSIONID=/);
    expect(agent.guid).not.toBe(first);
    expect(agent.guid).toMatch(GUID_FORMAT);
    // Operations never rotate it.
    expect((await agent.send('GET', '/onlineagent/40038/agentstatus')).headers.get('set-guid')).toBeNull();

    const previous = new TestAgent(url, '40038');
    previous.guid = first;
    expect((await previous.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
  });

  it('AUTHMODE 2: no rotation before the interval', async () => {
    await start({ authMode: 2, guidIntervalMs: 60_000 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    await agent.poll();
    await agent.poll();
    expect(agent.seenGuids).toHaveLength(1);
  });

  it('AUTHMODE 2: a GUID is refused once it is older than the timeout, while a newer one works', async () => {
    // Margins of several hundred ms on each side of the 1 s timeout.
    await start({ authMode: 2, guidIntervalMs: 0, guidTimeoutMs: 1_000 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const first = agent.guid;
    await sleep(500);
    await agent.poll();
    const second = agent.guid;
    expect(second).not.toBe(first);
    await sleep(700);

    const old = new TestAgent(url, '40038');
    old.guid = first;
    expect((await old.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('000-003');
    const fresh = new TestAgent(url, '40038');
    fresh.guid = second;
    expect((await fresh.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
  });

  it('AUTHMODE 2: updateGuid answers a new GUID in the result and both stay valid', async () => {
    await start({ authMode: 2 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const first = agent.guid;
    const result = await agent.call('PUT', '/onlineagent/40038/updateGuid');
    expect(result).toEqual({ message: '', retcode: '0', result: { guid: expect.stringMatching(GUID_FORMAT) } });
    const updated = (result.result as { guid: string }).guid;
    expect(updated).not.toBe(first);
    agent.guid = updated;
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
    agent.guid = first;
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
  });

  it('rotates on the next poll when a tester asks, whatever the interval', async () => {
    await start({ authMode: 2 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect(emulator.control.rotateGuid('40038')).toEqual({ ok: true, applied: 'session' });
    await agent.poll();
    expect(agent.seenGuids).toHaveLength(2);
  });

  it('an expired GUID (tester control) answers 000-003', async () => {
    await start();
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    const response = await fetch(`${url}/__sandbox/agents/40038/expire-guid`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('000-003');
    expect((await agent.poll()).retcode).toBe('000-003');
  });
});

describe('heartbeat', () => {
  it('signs the agent out after MAXTIME without a request: AgentOther_ShutdownService, then 100-006', async () => {
    await start({ maxTimeMs: 100 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    await eventually(() => emulator.control.agent('40038')?.signedIn === false);

    const first = await agent.poll();
    expect(first.event?.eventType).toBe('AgentOther_InService');
    const second = await agent.poll();
    expect(second.event).toMatchObject({ eventType: 'AgentOther_ShutdownService', workNo: '40038', content: { loginTime: expect.any(String) } });
    expect(await agent.poll()).toEqual({ retcode: '100-006', message: expect.any(String), event: null });
    expect((await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).retcode).toBe('100-006');
    expect((await agent.signIn()).retcode).toBe('0');
  });

  it('keeps an agent that keeps polling signed in', async () => {
    await start({ maxTimeMs: 400, pollHoldMs: 100 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    for (let round = 0; round < 10; round += 1) expect((await agent.poll()).retcode).toBe('0');
    expect(emulator.control.agent('40038')?.signedIn).toBe(true);
  });
});

describe('sign-out', () => {
  it('answers null, queues AgentOther_ShutdownService, then refuses with 100-006', async () => {
    await start();
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect(await agent.call('DELETE', '/onlineagent/40038/logout')).toEqual({ message: '', retcode: '0', result: null });
    expect(typesOf(await agent.eventsUntil('AgentOther_ShutdownService'))).toEqual(['AgentOther_InService', 'AgentOther_ShutdownService']);
    expect((await agent.poll()).retcode).toBe('100-006');
    expect((await agent.call('DELETE', '/onlineagent/40038/logout')).retcode).toBe('100-006');
  });

  it('refuses to sign out during a call (100-010)', async () => {
    await start({ farEndAnswerDelayMs: 60_000 });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect((await agent.call('PUT', '/voicecall/40038/callout', { called: '70092' })).retcode).toBe('0');
    expect((await agent.call('DELETE', '/onlineagent/40038/logout')).retcode).toBe('100-010');
  });
});

describe('load-balancer stickiness cookie', () => {
  it('is off by default', async () => {
    await start();
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect(agent.cookie).toBeUndefined();
  });

  it('is set at sign-in and, when enforced, required on later requests', async () => {
    await start({ loadBalancerCookie: { name: 'HWWAFSESID', enforce: true } });
    const agent = new TestAgent(url, '40038');
    await agent.signIn();
    expect(agent.cookie).toMatch(/^HWWAFSESID=[0-9a-f]{24}$/);
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('0');
    expect((await agent.poll()).retcode).toBe('0');
    const cookie = agent.cookie;
    agent.cookie = undefined;
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('000-003');
    agent.cookie = 'HWWAFSESID=0000';
    expect((await agent.call('GET', '/onlineagent/40038/agentstatus')).retcode).toBe('000-003');
    agent.cookie = cookie;
    const logged = emulator.server.log.list('/onlineagent/40038/agentstatus');
    expect(logged[0]?.headers.cookie).toBe(cookie);
  });
});
