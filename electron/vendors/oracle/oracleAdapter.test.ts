import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/callModel';
import { AppError } from '../../../shared/errors';
import { createOracleEmulator, type OracleEmulator } from '../../../sandbox/oracle';
import type { DialIntent, VendorAdapter } from '../adapter';
import { oracleVendorModule } from './index';
import { recordingHost } from '../testing/recordingHost';
import { MAX_BLIND_POLLS } from './statusPoller';

let emulator: OracleEmulator;
let baseUrl: string;
let adapters: VendorAdapter[] = [];

beforeAll(async () => {
  emulator = createOracleEmulator();
  baseUrl = await emulator.listen();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await fetch(`${baseUrl}/__sandbox/reset`, { method: 'POST' });
});
afterEach(async () => {
  await Promise.all(adapters.map((adapter) => adapter.dispose()));
  adapters = [];
});

interface Setup {
  contactId?: string;
  authorizeUrl?: string;
  /** The profile names an authorizeUrl secret that is not available. */
  authorizeUrlMissing?: boolean;
  authEncrypted?: boolean;
  callAgentFirst?: boolean;
  statusPollMs?: number;
  scheduledPollMs?: number;
  requestTimeoutMs?: number;
  liveCalls?: CallRecord[];
}

function makeAdapter(setup: Setup = {}) {
  const recorder = recordingHost(setup.liveCalls);
  const profile = oracleVendorModule.profileSchema.parse({
    id: 'oracle',
    vendor: 'oracle',
    baseUrl,
    contactId: setup.contactId ?? '367901',
    statusPollMs: setup.statusPollMs ?? 50,
    scheduledPollMs: setup.scheduledPollMs ?? 100,
    ...(setup.authorizeUrl !== undefined || setup.authorizeUrlMissing ? { authorizeUrl: { env: 'ORACLE_AUTHORIZE_URL' } } : {}),
    ...(setup.authEncrypted !== undefined ? { authEncrypted: setup.authEncrypted } : {}),
    ...(setup.callAgentFirst !== undefined ? { callAgentFirst: setup.callAgentFirst } : {}),
    ...(setup.requestTimeoutMs !== undefined ? { requestTimeoutMs: setup.requestTimeoutMs } : {}),
  });
  const adapter = oracleVendorModule.create(profile, {
    host: recorder.host,
    secrets: (field) => (field === 'authorizeUrl' ? setup.authorizeUrl : undefined),
  });
  adapters.push(adapter);
  return { adapter, ...recorder };
}

const USER = '+12026345789';
const phone = (number = USER, postDial?: string): DialIntent['target'] => ({ kind: 'phone', input: number, number, ...(postDial !== undefined ? { postDial } : {}) });
const intent = (change: Partial<DialIntent> = {}): DialIntent => ({ localId: 'call-1', target: phone(), ...change });
const starts = () => emulator.server.log.list('^/call/2\\.0/[^/]+/[^/]+$').filter((entry) => entry.method === 'POST');
const statusReads = () => emulator.server.log.list('/status$');
const states = (observations: { state: string }[]) => observations.map((observation) => observation.state);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read already in flight may still land; after that, ten poll intervals (50 ms) pass without one. */
async function expectNoMoreStatusReads(): Promise<void> {
  await sleep(200);
  const settled = statusReads().length;
  await sleep(500);
  expect(statusReads()).toHaveLength(settled);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the adapter to fail');
}

describe('Oracle adapter: start with each optional field', () => {
  const inAnHour = Math.ceil((Date.now() + 3_600_000) / 1000) * 1000;
  const cases: Array<[string, Partial<DialIntent>, Setup, Record<string, unknown>, Record<string, unknown>]> = [
    ['no options: an empty body', {}, {}, {}, { delaySeconds: 0, callAgentFirst: false }],
    ['delay in seconds', { schedule: { kind: 'in', amount: 45, unit: 'seconds' } }, {}, { delay: 45 }, { delaySeconds: 45 }],
    ['delay in minutes, sent as exact seconds', { schedule: { kind: 'in', amount: 2, unit: 'minutes' } }, {}, { delay: 120 }, { delaySeconds: 120 }],
    [
      'when, as RFC 2822',
      { schedule: { kind: 'at', at: new Date(inAnHour).toISOString() } },
      {},
      { when: new Date(inAnHour).toUTCString().replace('GMT', '+0000') },
      { when: inAnHour },
    ],
    ['userExtension from the post-dial digits', { target: phone(USER, ',,1,,234#') }, {}, { userExtension: ',,1,,234#' }, { userExtension: ',,1,,234#' }],
    ['mute prompts and star', { target: phone(USER, '.*1') }, {}, { userExtension: '.*1' }, { userExtension: '.*1' }],
    ['callAgentFirst from the call', { options: { vendor: 'oracle', callAgentFirst: true } }, {}, { callAgentFirst: true }, { callAgentFirst: true }],
    ['callAgentFirst from the profile', {}, { callAgentFirst: true }, { callAgentFirst: true }, { callAgentFirst: true }],
    [
      'visitorContext, optional data flattened',
      { options: { vendor: 'oracle', visitorContext: { visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', data: { CustRef: 'gold', var2: 'x' } } } },
      {},
      { visitorContext: { visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', CustRef: 'gold', var2: 'x' } },
      { visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', optionalData: { var1: 'gold', var2: 'x' } },
    ],
  ];

  it.each(cases)('%s', async (_name, change, setup, body, recorded) => {
    const { adapter } = makeAdapter(setup);
    const { vendorCallId } = await adapter.dial(intent(change));
    const [sent] = starts();
    expect(sent?.path).toBe('/call/2.0/367901/12026345789');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual(body);
    expect(emulator.control.session(vendorCallId!)?.request).toMatchObject(recorded);
  });

  describe('authorizeUrl', () => {
    let authorizer: Server;
    let authorizerUrl: string;
    const asked: string[] = [];
    beforeAll(async () => {
      authorizer = createServer((req, res) => {
        asked.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ agentPhone: '12025550111' }));
      });
      await new Promise<void>((resolve) => authorizer.listen(0, '127.0.0.1', resolve));
      authorizerUrl = `http://127.0.0.1:${(authorizer.address() as AddressInfo).port}/authorize?ticket=abc`;
    });
    afterAll(async () => {
      authorizer.closeAllConnections();
      await new Promise<void>((resolve) => authorizer.close(() => resolve()));
    });
    beforeEach(() => {
      asked.length = 0;
    });

    it.each([
      ['plain', false, () => authorizerUrl],
      ['encrypted', true, () => Buffer.from(authorizerUrl).toString('base64')],
    ])('sends a %s authorizeUrl from the profile secret, and Oracle uses it', async (_name, encrypted, value) => {
      const { adapter, logged } = makeAdapter({ authorizeUrl: value(), authEncrypted: encrypted });
      const { vendorCallId } = await adapter.dial(intent());
      expect(JSON.parse(starts()[0]?.body ?? '')).toEqual({ authorizeUrl: value(), authEncrypted: encrypted });
      expect(asked).toHaveLength(1);
      expect(emulator.control.session(vendorCallId!)?.agentPhone).toBe('12025550111');
      expect(JSON.stringify(logged)).not.toContain('ticket=abc');
      expect(JSON.stringify(logged)).not.toContain('367901');
    });
  });
});

describe('Oracle adapter: status tracking', () => {
  it('follows scheduled → initiated → connected → disconnected, then stops polling', async () => {
    const { adapter, observations } = makeAdapter();
    const { vendorCallId } = await adapter.dial(intent({ schedule: { kind: 'in', amount: 60, unit: 'seconds' } }));
    await expect.poll(() => states(observations)).toEqual(['scheduled']);
    expect(observations[0]).toMatchObject({ localId: 'call-1', vendorCallId, rawState: 'scheduled', actions: ['cancel'], sourceEvent: 'GET status' });
    emulator.control.advance(60_000);
    await expect.poll(() => states(observations)).toEqual(['scheduled', 'dialing']);
    expect(observations[1]).toMatchObject({ rawState: 'initiated', actions: ['hangup'] });
    expect(emulator.control.act(vendorCallId!, 'connect')).toBe(true);
    await expect.poll(() => states(observations)).toEqual(['scheduled', 'dialing', 'connected']);
    expect(emulator.control.act(vendorCallId!, 'disconnect')).toBe(true);
    await expect.poll(() => states(observations)).toEqual(['scheduled', 'dialing', 'connected', 'ended']);
    expect(observations[3]).toMatchObject({ rawState: 'disconnected', actions: [] });

    await expectNoMoreStatusReads();
  });

  it('reports a call that disconnects without connecting as failed, with the vendor state', async () => {
    emulator.control.configure({ timings: { busyAfterMs: 200 } });
    const { adapter, observations } = makeAdapter();
    await adapter.dial(intent({ target: phone('+12026345779') }));
    await expect.poll(() => states(observations).at(-1)).toBe('failed');
    expect(observations.at(-1)).toMatchObject({ rawState: 'disconnected', failure: { code: 'DISCONNECTED_BEFORE_CONNECTED', message: 'disconnected' } });
    expect(states(observations)).not.toContain('connected');
  });

  it('reads the documented example forms (legacy quirks) just as well', async () => {
    emulator.control.configure({ legacyQuirks: true });
    const { adapter, observations } = makeAdapter();
    const { vendorCallId } = await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    expect(statusReads().length).toBeGreaterThan(0);
    emulator.control.act(vendorCallId!, 'connect');
    await expect.poll(() => states(observations)).toEqual(['dialing', 'connected']);
    expect(typeof observations[1]?.at).toBe('number');
  });

  it('gives up on a session Oracle no longer knows', async () => {
    const { adapter, observations } = makeAdapter();
    await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    await fetch(`${baseUrl}/__sandbox/reset`, { method: 'POST' });
    await expect.poll(() => states(observations)).toEqual(['dialing', 'unknown']);
    expect(observations[1]).toMatchObject({ failure: { code: 'SESSION_UNKNOWN', message: 'Session not found' } });
  });

  it(`gives up after ${MAX_BLIND_POLLS} status reads in a row that tell nothing`, async () => {
    const { adapter, observations } = makeAdapter({ statusPollMs: 50 });
    emulator.server.faults.add({ path: '/status$', action: 'respond', status: 503, body: 'Service Unavailable', times: 1_000 });
    await adapter.dial(intent());
    await expect.poll(() => states(observations), { timeout: 15_000 }).toEqual(['unknown']);
    expect(observations[0]).toMatchObject({ failure: { code: 'STATUS_UNAVAILABLE' } });
    expect(statusReads()).toHaveLength(MAX_BLIND_POLLS);
  });

  it('resync follows live calls again', async () => {
    const live: CallRecord = {
      id: 'old-call',
      profileId: 'oracle',
      vendor: 'oracle',
      vendorCallId: '1TfU02Xfme2GMuzfUh0rkdgvz4',
      direction: 'outbound',
      target: { kind: 'phone', input: USER, number: USER },
      state: 'dialing',
      timeline: [],
      actions: ['hangup'],
      createdAt: Date.now(),
    };
    const { adapter, observations } = makeAdapter({ liveCalls: [live] });
    await adapter.resync();
    await expect.poll(() => observations[0]).toMatchObject({ localId: 'old-call', vendorCallId: '1TfU02Xfme2GMuzfUh0rkdgvz4', state: 'connected', at: 1_343_129_590_000 });
  });

  it('resync reads a call it already follows now, not at its next poll', async () => {
    const followed: CallRecord[] = [];
    const { adapter, observations } = makeAdapter({ statusPollMs: 60_000, liveCalls: followed });
    const { vendorCallId } = await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    followed.push({ id: 'call-1', profileId: 'oracle', vendor: 'oracle', vendorCallId, direction: 'outbound', target: phone(), state: 'dialing', timeline: [], actions: ['hangup'], createdAt: Date.now() });
    expect(emulator.control.act(vendorCallId ?? '', 'connect')).toBe(true);
    const reads = statusReads().length;

    await adapter.resync();
    await expect.poll(() => states(observations)).toEqual(['dialing', 'connected']);
    expect(statusReads()).toHaveLength(reads + 1);
  });

  it('stops polling at dispose', async () => {
    const { adapter, observations } = makeAdapter();
    await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    await adapter.dispose();
    await expectNoMoreStatusReads();
  });
});

describe('Oracle adapter: ending calls', () => {
  it('hangs up a connected call with DELETE and stops polling', async () => {
    const { adapter, observations } = makeAdapter();
    const { vendorCallId } = await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    emulator.control.act(vendorCallId!, 'connect');
    await expect.poll(() => states(observations)).toEqual(['dialing', 'connected']);
    await adapter.hangup({ localId: 'call-1', vendorCallId: vendorCallId! });
    expect(observations.at(-1)).toMatchObject({ state: 'ended', rawState: 'ended', sourceEvent: 'DELETE (hang up)', actions: [] });
    expect(emulator.control.session(vendorCallId!)?.callState).toBe('disconnected');
    await expectNoMoreStatusReads();
    expect(states(observations)).toEqual(['dialing', 'connected', 'ended']);
  });

  it('cancels a scheduled call', async () => {
    const { adapter, observations } = makeAdapter();
    const { vendorCallId } = await adapter.dial(intent({ schedule: { kind: 'in', amount: 10, unit: 'minutes' } }));
    await expect.poll(() => states(observations)).toEqual(['scheduled']);
    await adapter.cancel!({ localId: 'call-1' });
    expect(observations.at(-1)).toMatchObject({ state: 'ended', sourceEvent: 'DELETE (cancel)' });
    expect(emulator.control.session(vendorCallId!)?.steps.map((step) => step.state)).toEqual(['scheduled', 'disconnected']);
  });

  it('treats 403 "The call has already ended." as ended, in Oracle\'s words', async () => {
    const { adapter, observations } = makeAdapter({ statusPollMs: 60_000 });
    const { vendorCallId } = await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    expect((await fetch(`${baseUrl}/call/2.0/${vendorCallId}`, { method: 'DELETE' })).status).toBe(200);
    await adapter.hangup({ localId: 'call-1', vendorCallId: vendorCallId! });
    expect(observations.at(-1)).toMatchObject({ state: 'ended', rawState: 'The call has already ended.', sourceEvent: 'DELETE (hang up): 403' });
  });

  it('reports 404 "Attempt to end the call failed." clearly', async () => {
    const { adapter } = makeAdapter();
    const error = await failure(adapter.hangup({ localId: 'x', vendorCallId: 'NoSuchSession0000000000000' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', vendorMessage: 'Attempt to end the call failed.' });
    expect(error.message).toContain('could not end it');
    expect(error.hint).toBeTruthy();
  });

  it.each<[string, () => void, string, string]>([
    ['405', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'DELETE', action: 'respond', status: 405, times: 1 }), 'VENDOR_REJECTED', 'does not accept a DELETE'],
    ['500', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'DELETE', action: 'respond', status: 500, body: 'oops', times: 1 }), 'VENDOR_REJECTED', 'did not end the call (HTTP 500)'],
    ['a dropped connection', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'DELETE', action: 'drop', times: 1 }), 'NETWORK', 'No answer from Oracle'],
  ])('reports a DELETE answered with %s and keeps following the call', async (_name, arrange, code, says) => {
    const { adapter, observations } = makeAdapter();
    const { vendorCallId } = await adapter.dial(intent());
    await expect.poll(() => states(observations)).toEqual(['dialing']);
    arrange();
    const error = await failure(adapter.hangup({ localId: 'call-1', vendorCallId: vendorCallId! }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(says);
    expect(error.hint).toBeTruthy();
    emulator.control.act(vendorCallId!, 'connect');
    await expect.poll(() => states(observations)).toEqual(['dialing', 'connected']);
  });

  it('cannot end a call without a session id, and sends nothing', async () => {
    const { adapter } = makeAdapter();
    const error = await failure(adapter.hangup({ localId: 'unknown-outcome' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(emulator.server.log.list()).toHaveLength(0);
  });
});

describe('Oracle adapter: documented start errors', () => {
  const canned = (status: number, body: string, contentType = 'text/plain') => () => {
    emulator.server.faults.add({ path: '^/call/2\\.0/367901/', method: 'POST', action: 'respond', status, headers: { 'content-type': contentType }, body, times: 1 });
  };
  const cases: Array<{ name: string; arrange: () => void; setup?: Setup; change?: Partial<DialIntent>; status: number; code: string; vendorMessage: string; says: string }> = [
    { name: 'unknown template', arrange: () => undefined, setup: { contactId: 'ABC123' }, status: 404, code: 'NOT_FOUND', vendorMessage: 'Call template not found', says: 'could not be started' },
    {
      name: 'a number Oracle refuses',
      arrange: () => emulator.control.scriptOutcome('12026345787', 'invalid'),
      change: { target: phone('+12026345787') },
      status: 404,
      code: 'NOT_FOUND',
      vendorMessage: 'Invalid user phone number',
      says: '+12026345787',
    },
    { name: 'start attempt failed', arrange: () => emulator.control.failNextStart(), status: 404, code: 'NOT_FOUND', vendorMessage: 'Call could not be started', says: 'could not be started' },
    {
      name: 'a start time Oracle finds past',
      arrange: () => emulator.control.advance(3_600_000),
      change: { schedule: { kind: 'at', at: new Date(Math.ceil((Date.now() + 600_000) / 1000) * 1000).toISOString() } },
      status: 400,
      code: 'VENDOR_REJECTED',
      vendorMessage: 'Invalid when: an RFC 2822 date/time in the future is required',
      says: "rejected the call's details",
    },
    {
      name: 'pre-call authorization refused',
      arrange: () => emulator.control.upsertTemplate('367901', { preAuth: 'deny' }),
      status: 403,
      code: 'FORBIDDEN',
      vendorMessage: 'Pre-call authorization checks failed',
      says: 'pre-call authorization',
    },
    {
      name: 'reverse call flow not permitted',
      arrange: () => emulator.control.upsertTemplate('367901', { callAgentFirstAllowed: false }),
      change: { options: { vendor: 'oracle', callAgentFirst: true } },
      status: 403,
      code: 'FORBIDDEN',
      vendorMessage: 'Reverse call flow is not permitted for this account',
      says: 'reverse call flow',
    },
    { name: 'method not allowed', arrange: canned(405, ''), status: 405, code: 'VENDOR_REJECTED', vendorMessage: 'HTTP 405', says: 'does not accept a POST' },
    {
      name: 'a JSON error body',
      arrange: canned(400, '{"statuscode":"400","reason":"invalid contextual data"}', 'application/json'),
      status: 400,
      code: 'VENDOR_REJECTED',
      vendorMessage: 'invalid contextual data',
      says: "rejected the call's details",
    },
  ];

  it.each(cases)('$status: $name → $code', async ({ arrange, setup, change, status, code, vendorMessage, says }) => {
    arrange();
    const { adapter, observations } = makeAdapter(setup);
    const error = await failure(adapter.dial(intent(change)));
    expect(error).toMatchObject({ code, vendorMessage });
    expect(error.message).toContain(says);
    expect(error.hint).toBeTruthy();
    expect(starts()).toHaveLength(1);
    expect(emulator.server.log.list()[0]?.path).toMatch(/^\/call\/2\.0\//);
    expect(observations).toEqual([]);
    expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe('Oracle adapter: never retries a start that may have started a call', () => {
  it.each<[string, () => void]>([
    ['a 500', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'POST', action: 'respond', status: 500, body: 'Internal Server Error', times: 1 })],
    ['a 503 page', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'POST', action: 'respond', status: 503, body: '<html>down</html>', times: 1 })],
    ['a 200 without a session id', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'POST', action: 'respond', status: 200, body: {}, times: 1 })],
    ['a dropped connection', () => emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'POST', action: 'drop', times: 1 })],
  ])('%s → OUTCOME_UNKNOWN after exactly one request', async (_name, arrange) => {
    arrange();
    const { adapter, observations } = makeAdapter({ requestTimeoutMs: 300 });
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.hint).toContain('never retries');
    expect(observations).toEqual([]);
    expect(emulator.server.log.list()).toHaveLength(1);
  });

  it('a timeout while Oracle starts the call → OUTCOME_UNKNOWN, and the one call starts', async () => {
    emulator.server.faults.add({ path: '^/call/2\\.0/', method: 'POST', action: 'delay', delayMs: 1_000, times: 1 });
    const { adapter } = makeAdapter({ requestTimeoutMs: 200 });
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toContain('may or may not have started');
    await expect.poll(() => emulator.control.sessions().length, { timeout: 10_000 }).toBe(3);
    expect(emulator.server.log.list()).toHaveLength(1);
  });
});

describe('Oracle adapter: bad input is refused before anything is sent', () => {
  it.each<[string, Partial<DialIntent>, Setup, string, string]>([
    ['a delay over 900 s', { schedule: { kind: 'in', amount: 901, unit: 'seconds' } }, {}, 'VALIDATION', 'at most 900 seconds'],
    ['16 minutes', { schedule: { kind: 'in', amount: 16, unit: 'minutes' } }, {}, 'VALIDATION', 'at most 900 seconds'],
    ['a start time in the past', { schedule: { kind: 'at', at: '2020-01-01T10:00:00Z' } }, {}, 'VALIDATION', 'has passed'],
    ['a start time with milliseconds', { schedule: { kind: 'at', at: '2099-01-01T10:00:00.250Z' } }, {}, 'VALIDATION', 'fraction of a second'],
    ['letters in the post-dial digits', { target: phone(USER, '12a') }, {}, 'VALIDATION', 'can only contain 0-9 . , * and #'],
    ['a number too short', { target: phone('+1202634') }, {}, 'VALIDATION', 'E.164'],
    ['a three-letter language', { options: { vendor: 'oracle', visitorContext: { language: 'eng' } } }, {}, 'VALIDATION', 'two-letter'],
    ['an agent target', { target: { kind: 'agent', agentId: '4567' } }, {}, 'VALIDATION', 'phone numbers only'],
    ['an authorizeUrl secret that is not set', {}, { authorizeUrlMissing: true }, 'AUTH_FAILED', 'not available'],
  ])('%s', async (_name, change, setup, code, reason) => {
    const { adapter } = makeAdapter(setup);
    const error = await failure(adapter.dial(intent(change)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(reason);
    expect(emulator.server.log.list()).toHaveLength(0);
  });
});

describe('Oracle adapter: sign-in and module', () => {
  it('checks that the service answers without placing a call, and says what it cannot check', async () => {
    const { adapter } = makeAdapter();
    const detail = await adapter.signIn();
    expect(detail).toContain('answers at 127.0.0.1');
    expect(detail).toContain('no credentials to check');
    expect(detail).toContain('only checked when a call is placed');
    expect(emulator.server.log.list().map((entry) => entry.method)).toEqual(['GET']);
    expect(emulator.control.sessions()).toHaveLength(2);
  });

  it('refuses an address that does not answer like Oracle', async () => {
    emulator.server.faults.add({ path: '/status$', action: 'respond', status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Welcome</html>', times: 1 });
    const { adapter } = makeAdapter();
    const error = await failure(adapter.signIn());
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.message).toContain('does not answer like Oracle');
  });

  it('refuses to sign in when the authorizeUrl secret is missing', async () => {
    const { adapter } = makeAdapter({ authorizeUrlMissing: true });
    expect((await failure(adapter.signIn())).code).toBe('AUTH_FAILED');
    expect(emulator.server.log.list()).toHaveLength(0);
  });

  it('declares its capabilities and secrets', () => {
    expect(oracleVendorModule.secretFields).toEqual(['authorizeUrl']);
    const { adapter } = makeAdapter();
    expect(adapter.capabilities).toMatchObject({ actions: ['hangup', 'cancel'], eventSource: 'status-poll', scheduling: { delayUnit: 'seconds', maxDelay: 900, at: true } });
  });
});
