import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../sandbox/framework/faults';
import type { LoggedRequest } from '../../../sandbox/framework/requestLog';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from '../../../sandbox/huawei';
import { createTestAgent, FAST_EMULATOR, phone, WireTap, type TestAgent, type TestAgentOptions } from './testSupport';

const ROOT = '/agentgateway/resource';
const SIGN_IN = `${ROOT}/onlineagent/40038`;
const FORCE_LOGIN = `${ROOT}/onlineagent/40038/forcelogin`;
const POLL = `${ROOT}/agentevent/40038`;

let emulator: HuaweiEmulator;
let url: string;
let tap: WireTap;
const agents: TestAgent[] = [];
/** Set by tests where two softphones share one agent: each holds its own poll. */
let twoClientsOnOneAgent = false;

async function start(options: Partial<HuaweiEmulatorOptions> = {}): Promise<void> {
  emulator = createHuaweiEmulator({ ...FAST_EMULATOR, ...options });
  url = await emulator.listen(0);
  tap = new WireTap(emulator.server.httpServer);
}

function agent(options: TestAgentOptions = {}): TestAgent {
  const created = createTestAgent(url, options);
  agents.push(created);
  return created;
}

const requests = (path: string) => emulator.server.log.list(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const fault = (spec: Partial<FaultSpec> & { path: string }): number => emulator.server.faults.add({ action: 'respond', times: 1, ...spec });
const polls = () => tap.responses.filter((response) => response.path === POLL);

/** Resolves with the first request (already received or still to come) that matches. */
function untilRequest(match: (request: LoggedRequest) => boolean, timeoutMs = 10_000): Promise<LoggedRequest> {
  const seen = emulator.server.log.list().find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No matching request within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = emulator.server.log.onRecord((request) => {
      if (!match(request)) return;
      clearTimeout(timer);
      stop();
      resolve(request);
    });
  });
}

afterEach(async () => {
  for (const { adapter } of agents.splice(0)) await adapter.dispose();
  await emulator.close();
  if (!twoClientsOnOneAgent) expect(tap.maxOpenPolls).toBeLessThanOrEqual(1);
  twoClientsOnOneAgent = false;
});

describe('sign-in and the GUID', () => {
  it('AUTHMODE 1: signs in without a Guid header, then sends the static GUID on every request', async () => {
    await start({ authMode: 1 });
    const { adapter, host } = agent();

    expect(await adapter.signIn()).toBe('Signed in as agent 40038 (phone 40038)');
    await tap.until(() => polls().length >= 3, 'three polls');

    const [signIn, ...others] = emulator.server.log.list(ROOT);
    expect(signIn).toMatchObject({ method: 'PUT', path: SIGN_IN });
    expect(signIn?.headers.guid).toBeUndefined();
    expect(JSON.parse(signIn?.body ?? '')).toEqual({ password: 'sandbox', phonenum: '40038', status: '4', releasephone: 'false', agenttype: '4' });
    expect(others[0]).toMatchObject({ method: 'POST', path: `${ROOT}/onlineagent/40038/resetskill/true` });
    const issued = tap.responses.find((response) => response.path === SIGN_IN)?.setGuid;
    expect(issued).toMatch(/\.AgentGateway\d$/);
    expect(new Set(others.map((request) => request.headers.guid))).toEqual(new Set([issued]));
    for (const request of [signIn, ...others]) expect(request?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(host.sessions.map((change) => [change.status, change.detail])).toEqual([
      ['signing-in', 'Signing in as agent 40038'],
      ['signed-in', 'Signed in as agent 40038 (phone 40038)'],
    ]);
    expect(emulator.control.agent('40038')?.signedInSkills).toEqual([25]);
  });

  it('AUTHMODE 2: adopts every rotated GUID, also in the middle of a call, and no request is refused', async () => {
    // Each GUID is accepted for 800 ms only: a client that kept an old one would be refused.
    await start({ authMode: 2, guidIntervalMs: 100, guidTimeoutMs: 800 });
    const { adapter, host } = agent();
    await adapter.signIn();
    host.track('L1', phone('70092'));
    const { vendorCallId } = await adapter.dial({ localId: 'L1', target: phone('70092') });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    const mark = tap.responses.length;
    emulator.control.rotateGuid('40038');
    await tap.until(() => tap.responses.slice(mark).some((response) => response.path === POLL && response.setGuid !== undefined), 'a rotation on a poll response');
    const rotated = tap.responses.slice(mark).find((response) => response.setGuid !== undefined)?.setGuid;
    // The next poll goes out once the adapter has read the rotation.
    await untilRequest((request) => request.path === POLL && request.headers.guid === rotated);
    // Outlive the GUIDs of the call's start.
    await tap.until(() => new Set(polls().slice(-10).map((response) => response.agentGuid)).size >= 4, 'more rotations');

    await adapter.hold?.({ localId: 'L1', vendorCallId });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'held');
    await adapter.retrieve?.({ localId: 'L1', vendorCallId });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected' && o.sourceEvent === 'AgentEvent_Talking' && host.observationsOf('L1').some((p) => p.state === 'held'));
    await adapter.hangup({ localId: 'L1', vendorCallId });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'ended');

    expect(tap.retcodes().filter((code) => code !== '0')).toEqual([]);
    const issued = new Set(tap.responses.flatMap((response) => (response.setGuid !== undefined ? [response.setGuid] : [])));
    const sent = emulator.server.log.list(ROOT).flatMap((request) => (typeof request.headers.guid === 'string' ? [request.headers.guid] : []));
    expect(new Set(sent).size).toBeGreaterThanOrEqual(2);
    for (const guid of sent) expect(issued.has(guid)).toBe(true);
    for (const request of emulator.server.log.list(`${ROOT}/voicecall/`).filter((request) => request.path !== `${ROOT}/voicecall/40038/callout`)) {
      expect(request.headers.guid).not.toBe(tap.responses.find((response) => response.path === SIGN_IN)?.setGuid);
    }
    const logged = JSON.stringify(host.logs);
    for (const guid of issued) expect(logged).not.toContain(guid);
    expect(logged).not.toContain('sandbox');
  });

  it('a request refused (000-003) for a GUID replaced while it was on its way goes again, once, with the new GUID', async () => {
    await start({ authMode: 2, pollHoldMs: 50 });
    const { adapter, host } = agent();
    await adapter.signIn();
    const signInGuid = tap.responses.find((response) => response.path === SIGN_IN)?.setGuid;
    // The gateway takes its time over the callout and then refuses the GUID it came with; meanwhile a poll brings a new one.
    fault({ path: '/callout$', delayMs: 400, status: 200, body: { message: '', retcode: '000-003' } });
    emulator.control.rotateGuid('40038');

    host.track('L1', phone('70092'));
    await adapter.dial({ localId: 'L1', target: phone('70092') });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    const callouts = requests(`${ROOT}/voicecall/40038/callout`);
    expect(callouts.map((request) => request.headers.guid === signInGuid)).toEqual([true, false]);
    expect(requests(SIGN_IN)).toHaveLength(1);
  });

  it('echoes the load balancer cookie, so a sticky site keeps serving the agent', async () => {
    await start({ loadBalancerCookie: { name: 'HWWAFSESID', enforce: true } });
    const { adapter, host } = agent();
    await adapter.signIn();
    host.track('L1', phone('70092'));
    await adapter.dial({ localId: 'L1', target: phone('70092') });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');

    const [signIn, ...others] = emulator.server.log.list(ROOT);
    expect(signIn?.headers.cookie).toBeUndefined();
    for (const request of others) expect(request.headers.cookie).toMatch(/HWWAFSESID=/);
    expect(tap.retcodes().filter((code) => code !== '0')).toEqual([]);
    expect(JSON.stringify(host.logs)).not.toContain('HWWAFSESID');
  });

  it('100-002: takes the session over with forcelogin; the softphone that lost it does not take it back', async () => {
    twoClientsOnOneAgent = true;
    await start();
    const first = agent();
    await first.adapter.signIn();
    const second = agent();

    expect(await second.adapter.signIn()).toBe('Signed in as agent 40038 (phone 40038)');
    expect(requests(FORCE_LOGIN)).toHaveLength(1);

    const lost = await first.host.waitForSession((change) => change.status === 'signed-out-by-vendor');
    expect(lost.detail).toMatch(/^The gateway signed agent 40038 out \(.+\), and signing in again failed/);
    expect(lost.error).toMatchObject({ code: 'VENDOR_REJECTED', hint: expect.stringMatching(/signed in elsewhere/) });
    // first's sign-in, second's (already signed in, then forcelogin), first's attempt to come back.
    expect(tap.responses.filter((response) => response.path === SIGN_IN).map((response) => response.retcode)).toEqual(['0', '100-002', '100-002']);
    expect(requests(FORCE_LOGIN)).toHaveLength(1);
    expect(emulator.control.agent('40038')?.signedIn).toBe(true);
    expect(second.host.sessions.at(-1)?.status).toBe('signed-in');
  });

  it('100-002 without forced sign-in: a clear error and no forcelogin', async () => {
    twoClientsOnOneAgent = true;
    await start();
    await agent().adapter.signIn();
    const second = agent({ profile: { forceSignIn: false } });

    const error = await second.adapter.signIn().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VENDOR_REJECTED', message: expect.stringContaining('100-002'), hint: expect.stringMatching(/forced sign-in/) });
    expect((error as { vendorMessage?: string }).vendorMessage).toBe(tap.responses.at(-1)?.message || 'retcode 100-002');
    expect(requests(FORCE_LOGIN)).toHaveLength(0);
    expect(second.host.sessions.at(-1)).toMatchObject({ status: 'error', error: { code: 'VENDOR_REJECTED' } });
  });

  it('a wrong password: AUTH_FAILED with the gateway\u2019s words', async () => {
    await start();
    const { adapter, host } = agent({ password: () => 'not-the-password' });
    await expect(adapter.signIn()).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('100-004'), hint: expect.stringMatching(/password/) });
    expect(host.sessions.at(-1)?.status).toBe('error');
    expect(polls()).toHaveLength(0);
    expect(JSON.stringify(host.logs)).not.toContain('not-the-password');
  });

  it('a configured password that is not available: nothing is sent', async () => {
    await start();
    const { adapter } = agent({ password: () => undefined });
    await expect(adapter.signIn()).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('HW_PASSWORD') });
    expect(emulator.server.log.list(ROOT)).toHaveLength(0);
  });

  it('a profile without a password signs in with an empty one (old sites)', async () => {
    await start();
    const { adapter } = agent({ agentId: '291', profile: { password: undefined, phoneNumber: '40038' }, password: () => undefined });
    expect(await adapter.signIn()).toBe('Signed in as agent 291 (phone 40038)');
    expect(JSON.parse(requests(`${ROOT}/onlineagent/291`)[0]?.body ?? '')).toMatchObject({ password: '', phonenum: '40038' });
  });

  it('signs out, stops polling, and signs in again with one poll loop', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    await tap.until(() => polls().length >= 2, 'two polls');

    await adapter.signOut();
    expect(requests(`${ROOT}/onlineagent/40038/logout`)).toHaveLength(1);
    expect(host.sessions.at(-1)).toMatchObject({ status: 'signed-out', detail: 'Signed out agent 40038' });
    await tap.until(() => (tap.openPolls.get(POLL) ?? 0) === 0, 'the last poll answered');
    const [logout] = requests(`${ROOT}/onlineagent/40038/logout`);
    await adapter.directory?.().catch(() => undefined);

    await adapter.signIn();
    const [, secondSignIn] = requests(SIGN_IN);
    const pollsWhileSignedOut = emulator.server.log.list(POLL).filter((request) => request.at > (logout?.at ?? 0) && request.at < (secondSignIn?.at ?? 0));
    expect(pollsWhileSignedOut).toEqual([]);
    await tap.until(() => polls().some((response) => response.agentGuid === tap.responses.filter((r) => r.path === SIGN_IN).at(-1)?.setGuid), 'a poll of the new session');
    expect(host.sessions.at(-1)?.status).toBe('signed-in');
  });

  it('lists the agent\u2019s skills as the directory', async () => {
    await start();
    const { adapter } = agent();
    await adapter.signIn();
    expect(await adapter.directory?.()).toEqual({ agents: [], groups: [], skills: [{ id: '25', name: 'voice' }] });
  });

  it('refuses operations before sign-in without sending anything', async () => {
    await start();
    const { adapter } = agent();
    await expect(adapter.dial({ localId: 'L1', target: phone('70092') })).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('signed in') });
    await expect(adapter.hangup({ localId: 'L1' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(emulator.server.log.list(ROOT)).toHaveLength(0);
  });
});

describe('forced sign-out and recovery', () => {
  it('signed out by the gateway (forced): reconnecting, signed in again, and calls work', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    const before = host.sessions.length;

    emulator.control.forceSignOut('40038');
    const reconnecting = await host.waitForSession((change) => change.status === 'reconnecting', before);
    expect(reconnecting.detail).toMatch(/^The gateway signed agent 40038 out \((AgentOther_ShutdownService|retcode 100-006)\); signing in again$/);
    await host.waitForSession((change) => change.status === 'signed-in', before);
    expect(requests(SIGN_IN)).toHaveLength(2);
    expect(requests(FORCE_LOGIN)).toHaveLength(0);

    host.track('L1', phone('70092'));
    await adapter.dial({ localId: 'L1', target: phone('70092') });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
  });

  it('heartbeat expiry (no poll reached the gateway in time) is detected and recovered', async () => {
    await start({ maxTimeMs: 300 });
    const { adapter, host } = agent();
    await adapter.signIn();
    await tap.until(() => polls().length >= 1, 'a poll');
    const before = host.sessions.length;

    fault({ path: '/agentevent/', action: 'delay', delayMs: 900 });
    await host.waitForSession((change) => change.status === 'reconnecting', before);
    await host.waitForSession((change) => change.status === 'signed-in', before);
    expect(requests(SIGN_IN)).toHaveLength(2);
    expect(emulator.control.agent('40038')?.signedIn).toBe(true);
  });

  it('a refused GUID (000-003) while still signed in: takes the own session back once, not twice a minute', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    const before = host.sessions.length;

    emulator.control.expireGuid('40038');
    await host.waitForSession((change) => change.status === 'reconnecting' && (change.detail ?? '').includes('000-003'), before);
    await host.waitForSession((change) => change.status === 'signed-in', before);
    expect(requests(FORCE_LOGIN)).toHaveLength(1);

    const again = host.sessions.length;
    emulator.control.expireGuid('40038');
    const lost = await host.waitForSession((change) => change.status === 'signed-out-by-vendor', again);
    expect(lost.error).toMatchObject({ code: 'VENDOR_REJECTED', message: expect.stringContaining('100-002') });
    expect(requests(FORCE_LOGIN)).toHaveLength(1);
  });

  it('without the password any more: signed-out-by-vendor with a clear message, and polling stops', async () => {
    await start();
    let available = true;
    const { adapter, host } = agent({ password: () => (available ? 'sandbox' : undefined) });
    await adapter.signIn();
    available = false;

    emulator.control.forceSignOut('40038');
    const lost = await host.waitForSession((change) => change.status === 'signed-out-by-vendor');
    expect(lost.detail).toMatch(/the password is not available to sign in again/);
    expect(lost.error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('HW_PASSWORD') });
    await tap.until(() => (tap.openPolls.get(POLL) ?? 0) === 0, 'the last poll answered');
    const pollCount = emulator.server.log.list(POLL).length;
    await adapter.directory?.().catch(() => undefined);
    expect(emulator.server.log.list(POLL)).toHaveLength(pollCount);
    expect(requests(SIGN_IN)).toHaveLength(1);

    available = true;
    await adapter.signIn();
    const current = tap.responses.filter((response) => response.path === SIGN_IN).at(-1)?.setGuid;
    await untilRequest((request) => request.path === POLL && request.headers.guid === current);
  });

  it('poll transport failures: reconnecting, then signed in again without a new sign-in', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    const before = host.sessions.length;

    fault({ path: '/agentevent/', status: 503, body: 'Service Unavailable', times: 3 });
    const trouble = await host.waitForSession((change) => change.status === 'reconnecting', before);
    expect(trouble.detail).toBe('Lost contact with the gateway (The gateway answered HTTP 503); retrying');
    await host.waitForSession((change) => change.status === 'signed-in', before);
    expect(requests(SIGN_IN)).toHaveLength(1);
  });
});

describe('session loss seen by an operation', () => {
  it('a refused GUID on any request starts the re-sign-in, and the error says so', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    const before = host.sessions.length;

    fault({ path: '/agentskills$', status: 200, body: { message: 'no right', retcode: '000-003' } });
    await expect(adapter.directory?.()).rejects.toMatchObject({ code: 'VENDOR_REJECTED', vendorMessage: 'no right', hint: expect.stringContaining('signing in again') });
    await host.waitForSession((change) => change.status === 'reconnecting', before);
    await host.waitForSession((change) => change.status === 'signed-in', before);
    expect(await adapter.directory?.()).toMatchObject({ skills: [{ id: '25' }] });
  });
});

describe('the poll loop', () => {
  it('skips malformed events and keeps polling', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();

    emulator.control.injectEvent('40038', { event: { content: 'no event type' } });
    emulator.control.injectEvent('40038', { event: 'AgentEvent_Talking' });
    emulator.control.injectEvent('40038', { event: { eventType: 'AgentEvent_Talking', content: null } });
    emulator.control.injectEvent('40038', { raw: '{"retcode":"0","event":{' });
    emulator.control.injectEvent('40038', { body: { unexpected: true } });

    host.track('L1', phone('70092'));
    await adapter.dial({ localId: 'L1', target: phone('70092') });
    await host.waitForObservation((o) => o.localId === 'L1' && o.state === 'connected');
    const warnings = host.logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
    expect(warnings.filter((message) => message.startsWith('Skipped'))).toHaveLength(5);
    expect(host.sessions.map((change) => change.status)).toEqual(['signing-in', 'signed-in']);
  });

  it('holds exactly one poll per agent at any time, across forced sign-outs and sign-out/sign-in', async () => {
    await start();
    const { adapter, host } = agent();
    await adapter.signIn();
    for (let round = 0; round < 3; round += 1) {
      const before = host.sessions.length;
      emulator.control.forceSignOut('40038');
      await host.waitForSession((change) => change.status === 'signed-in', before);
    }
    // The gateway is slow to answer the last poll of the session: the next session's loop must wait for it.
    const mark = emulator.server.log.list(POLL).length;
    fault({ path: '/agentevent/', action: 'delay', delayMs: 400 });
    await untilRequest((request) => request.path === POLL && emulator.server.log.list(POLL).indexOf(request) >= mark);
    await adapter.signOut();
    await adapter.signIn();
    const latest = () => tap.responses.filter((response) => response.path === SIGN_IN).at(-1)?.setGuid;
    await tap.until(() => polls().filter((response) => response.agentGuid === latest()).length >= 2, 'two polls of the last session');

    expect(requests(SIGN_IN)).toHaveLength(5);
    expect(tap.maxOpenPolls).toBe(1);
  });
});
