import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord, CallTarget } from '../../../shared/callModel';
import { AppError } from '../../../shared/errors';
import type { VonageDialOptions } from '../../../shared/vendors/vonage';
import { createVonageEmulator, type VonageEmulator } from '../../../sandbox/vonage';
import type { AdapterHost, CallObservation, DialIntent, VendorAdapter } from '../adapter';
import { vonageVendorModule } from './index';
import { VonageProfileSchema, type VonageProfile } from './profile';
import { buildCallRequestBody } from './requestBody';

const ACCOUNT = 'a1b2c3d4e5';
const CALLS_PATH = `^/v0/${ACCOUNT}/calls/$`;
const DETAIL_PATH = `^/v0/${ACCOUNT}/calls/[^/]+$`;
const TOKEN_PATH = '^/v0/oauth2/token$';
const LONG = 60_000;

let emulator: VonageEmulator;
let base: string;
const adapters: VendorAdapter[] = [];

beforeAll(async () => {
  // Calls only end when a test ends them (or scripts a short far end).
  emulator = createVonageEmulator({ answeredCallMs: LONG, noAnswerMs: LONG, busyMs: LONG });
  base = await emulator.listen();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.control.reset();
  emulator.server.log.clear();
  emulator.server.faults.clear();
});
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.dispose()));
});

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

function recordingHost(liveCalls: () => CallRecord[] = () => []) {
  const observations: CallObservation[] = [];
  const sessions: Array<{ status: string; detail?: string; error?: AppError }> = [];
  const logs: LogLine[] = [];
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => void logs.push({ level, message, ...(fields ? { fields } : {}) });
  const host: AdapterHost = {
    callObserved: (observation) => {
      observations.push(observation);
      notify();
    },
    sessionChanged: (status, detail, error) => {
      sessions.push({ status, ...(detail !== undefined ? { detail } : {}), ...(error ? { error } : {}) });
      notify();
    },
    liveCalls,
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
  };
  const until = <T>(probe: () => T | undefined): Promise<T> => eventually(probe, listeners);
  return { host, observations, sessions, logs, until };
}

/**
 * Resolves when `probe` returns something: re-checked on every host report, every request the
 * emulator receives, and every 10 ms for changes neither announces. Generous deadline; no
 * timing assertion.
 */
function eventually<T>(probe: () => T | undefined, hostListeners = new Set<() => void>(), timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const value = probe();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const deadline = setTimeout(() => {
      cleanup();
      reject(new Error('the expected condition was not reached'));
    }, timeoutMs);
    const ticker = setInterval(check, 10);
    const stopLogListener = emulator.server.log.onRecord(() => queueMicrotask(check));
    const cleanup = (): void => {
      clearTimeout(deadline);
      clearInterval(ticker);
      stopLogListener();
      hostListeners.delete(check);
    };
    hostListeners.add(check);
    check();
  });
}

function makeAdapter(
  overrides: Partial<Record<keyof VonageProfile, unknown>> = {},
  options: { secret?: string | undefined; liveCalls?: () => CallRecord[] } = {},
) {
  const profile = VonageProfileSchema.parse({
    id: 'vcc',
    vendor: 'vonage',
    baseUrl: base,
    accountKey: ACCOUNT,
    apiToken: { env: 'VCC_TOKEN' },
    agentId: '1234',
    numberFormat: 'national-digits',
    pollIntervalMs: 20,
    requestTimeoutMs: 5_000,
    ...overrides,
  });
  const recorder = recordingHost(options.liveCalls);
  const secret = 'secret' in options ? options.secret : 'sandbox-token';
  const adapter = vonageVendorModule.create(profile, { host: recorder.host, secrets: (field) => (field === 'apiToken' ? secret : undefined) });
  adapters.push(adapter);
  return { adapter, ...recorder };
}

let nextLocalId = 0;
const phone = (number: string, input = number): CallTarget => ({ kind: 'phone', input, number });
const intent = (target: CallTarget, extra: Partial<DialIntent> = {}): DialIntent => ({ localId: `local-${++nextLocalId}`, target, ...extra });
const vonage = (options: Omit<VonageDialOptions, 'vendor'>): VonageDialOptions => ({ vendor: 'vonage', ...options });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const posts = () => emulator.server.log.list(CALLS_PATH).filter((entry) => entry.method === 'POST');
const detailReads = () => emulator.server.log.list(DETAIL_PATH).filter((entry) => entry.method === 'GET');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rawToken(): Promise<string> {
  const response = await fetch(`${base}/v0/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${ACCOUNT}:sandbox-token`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('documented example requests go on the wire exactly as documented', () => {
  const LONDON = phone('+442072068888', '020 7206 8888');
  const examples: Array<{ name: string; intent: () => DialIntent; wire: unknown }> = [
    {
      name: 'agent → number',
      intent: () => intent(LONDON),
      wire: { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } },
    },
    {
      name: 'agent → agent',
      intent: () => intent({ kind: 'agent', agentId: '4567' }),
      wire: { from: { agentId: '1234' }, to: { agentId: '4567' } },
    },
    {
      name: 'group → number',
      intent: () => intent(LONDON, { from: { groupIds: ['030'] } }),
      wire: { from: { groups: ['030'] }, to: { telephoneNumber: '02072068888' } },
    },
    {
      name: 'several groups → number',
      intent: () => intent(LONDON, { from: { groupIds: ['030', '200', '400'] } }),
      wire: { from: { groups: ['030', '200', '400'] }, to: { telephoneNumber: '02072068888' } },
    },
    {
      name: 'presented CLI',
      intent: () => intent(LONDON, { from: { presentedCli: '08008888888' } }),
      wire: { from: { agentId: '1234', presentedCLID: '08008888888' }, to: { telephoneNumber: '02072068888' } },
    },
    {
      name: 'regarding + application',
      intent: () => intent(LONDON, { from: { presentedCli: '08008888888' }, options: vonage({ reference: '0012400000ATTUQ', application: 'appName' }) }),
      wire: {
        from: { agentId: '1234', presentedCLID: '08008888888' },
        to: { telephoneNumber: '02072068888' },
        regarding: { reference: '0012400000ATTUQ' },
        application: 'appName',
      },
    },
    {
      name: 'consent',
      intent: () => intent(LONDON, { options: vonage({ fromConsent: 'OneParty', toConsent: 'OneParty' }) }),
      wire: { from: { agentId: '1234', consent: 'OneParty' }, to: { telephoneNumber: '02072068888', consent: 'OneParty' } },
    },
  ];

  it.each(examples)('$name', async ({ intent: makeIntent, wire }) => {
    const { adapter, observations } = makeAdapter();
    const dialIntent = makeIntent();
    const { vendorCallId } = await adapter.dial(dialIntent);

    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toBe(JSON.stringify(wire));
    expect(sent[0]?.headers['content-type']).toBe('application/json');
    expect(sent[0]?.headers.accept).toBe('application/json;version=6');
    expect(sent[0]?.headers.authorization).toMatch(/^Bearer \S+$/);

    const calls = emulator.control.calls();
    expect(calls).toHaveLength(1);
    expect(vendorCallId).toBe(calls[0]?.id);
    expect(observations[0]).toMatchObject({ localId: dialIntent.localId, vendorCallId, state: 'dialing', rawState: 'Active', sourceEvent: 'POST calls 201', actions: [] });
  });

  it('sends the E.164 number as it is when the profile dials E.164', async () => {
    const { adapter } = makeAdapter({ numberFormat: 'e164' });
    await adapter.dial(intent(LONDON));
    expect(posts()[0]?.body).toBe(JSON.stringify({ from: { agentId: '1234' }, to: { telephoneNumber: '+442072068888' } }));
    expect(adapter.capabilities.numberFormat).toBe('e164');
  });
});

describe('400 messages reach the user verbatim', () => {
  const documented = [
    ['Ccxml must be enabled for this account', 'CCXML is not enabled for this Vonage account.'],
    ['Unable to place call - Agent number busy', 'The calling agent is busy.'],
    ['Unable to place call - dialed Agent is not currently available', 'The destination agent is busy or not available.'],
    ['Unable to place call - invalid Agent Id.', 'The destination agent is unknown.'],
    ['Unable to place call - Agent Id is unknown', 'The calling agent is unknown.'],
    ['Unable to place call - number is invalid', 'The dialled number is invalid.'],
    ['Unable to place call to Agent. Please try again', 'The call failed.'],
    ['Telephone number exceeds 30 characters', 'The telephone number is longer than 30 characters.'],
    ['Agent Id exceeds 11 digits', 'An agent ID is longer than 11 digits.'],
    ['Agent Id must contain digits only', 'An agent ID contains something other than digits.'],
    ['Telephone number not supported in this context', 'A telephone number cannot be used here.'],
    ['Agent Id must be specified', 'No calling agent or groups were given.'],
    ['Either telephone number or agent id required', 'No destination was given.'],
    ['Either telephone number or agent id required, not both', 'Both a telephone number and an agent were given as the destination.'],
    ['Reference exceeded 2000 characters', 'The reference is longer than 2000 characters.'],
    ['Reference contained invalid characters', 'The reference is neither alphanumeric nor a valid URL.'],
    ['Application exceeded 32 characters', 'The application name is longer than 32 characters.'],
    ['Application contains non-alphanumeric characters', 'The application name contains characters other than letters and digits.'],
  ] as const;

  it.each(documented)('"%s" (VCC answer) → vendorMessage verbatim, explained as "%s"; sent once, never retried', async (vendorMessage, meaning) => {
    const { adapter } = makeAdapter();
    emulator.control.force({ status: 400, message: vendorMessage, on: 'create' });
    const error = await rejection(adapter.dial(intent(phone('+442072068888'))));
    expect(error).toMatchObject({ code: 'VENDOR_REJECTED', vendorMessage, message: meaning });
    expect(error.hint).toBeTruthy();
    expect(posts()).toHaveLength(1);
  });

  const natural: Array<{ vendorMessage: string; setup?: () => void; dial: () => DialIntent }> = [
    { vendorMessage: 'Ccxml must be enabled for this account', setup: () => emulator.control.setAccount(ACCOUNT, { ccxmlEnabled: false }), dial: () => intent(phone('+442072068888')) },
    { vendorMessage: 'Unable to place call - Agent number busy', setup: () => emulator.control.setAgent('1234', { busy: true }), dial: () => intent(phone('+442072068888')) },
    { vendorMessage: 'Unable to place call - dialed Agent is not currently available', setup: () => emulator.control.setAgent('4567', { loggedIn: false }), dial: () => intent({ kind: 'agent', agentId: '4567' }) },
    { vendorMessage: 'Unable to place call - invalid Agent Id.', dial: () => intent({ kind: 'agent', agentId: '9999' }) },
    { vendorMessage: 'Unable to place call - Agent Id is unknown', dial: () => intent(phone('+442072068888'), { from: { agentId: '9999' } }) },
    { vendorMessage: 'Unable to place call - number is invalid', dial: () => intent(phone('12')) },
    { vendorMessage: 'Unable to place call to Agent. Please try again', dial: () => intent(phone('+442072068888'), { from: { groupIds: ['999'] } }) },
    { vendorMessage: 'Unable to place call to Agent. Please try again', dial: () => intent(phone('+442072068888'), { from: { presentedCli: '01234567890' } }) },
  ];

  it.each(natural)('the emulator’s own "$vendorMessage" reaches the user verbatim', async ({ vendorMessage, setup, dial }) => {
    const { adapter } = makeAdapter();
    setup?.();
    const error = await rejection(adapter.dial(dial()));
    expect(error).toMatchObject({ code: 'VENDOR_REJECTED', vendorMessage });
    expect(posts()).toHaveLength(1);
    expect(emulator.control.calls()).toEqual([]);
  });

  it('the documented 415 message reaches the user verbatim', async () => {
    const { adapter } = makeAdapter();
    const vendorMessage = "The requested resource does not support content type 'multipart/form-data'.";
    emulator.control.force({ status: 415, message: vendorMessage, on: 'create' });
    expect(await rejection(adapter.dial(intent(phone('+442072068888'))))).toMatchObject({ code: 'VENDOR_REJECTED', vendorMessage });
    expect(posts()).toHaveLength(1);
  });

  it('a second call from a busy agent is refused by VCC with its words', async () => {
    const { adapter } = makeAdapter();
    await adapter.dial(intent(phone('+442072068888')));
    const error = await rejection(adapter.dial(intent(phone('+442079460000'))));
    expect(error.vendorMessage).toBe('Unable to place call - Agent number busy');
  });
});

describe('validation before sending: the vendor’s wording, nothing sent', () => {
  const cases: Array<{ name: string; dial: () => DialIntent; profile?: Partial<Record<keyof VonageProfile, unknown>>; message: string; path: string }> = [
    { name: 'number over 30 characters', dial: () => intent(phone('0'.repeat(31))), message: 'Telephone number exceeds 30 characters', path: 'to.telephoneNumber' },
    { name: 'letters in the number', dial: () => intent(phone('0800FLOWERS')), message: 'Unable to place call - number is invalid', path: 'to.telephoneNumber' },
    { name: 'empty number', dial: () => intent(phone('')), message: 'Either telephone number or agent id required', path: 'to' },
    { name: 'calling agent with letters', dial: () => intent(phone('+442072068888'), { from: { agentId: 'A12' } }), message: 'Agent Id must contain digits only', path: 'from.agentId' },
    { name: 'destination agent with letters', dial: () => intent({ kind: 'agent', agentId: 'sam' }), message: 'Agent Id must contain digits only', path: 'to.agentId' },
    { name: 'calling agent of 12 digits', dial: () => intent(phone('+442072068888'), { from: { agentId: '123456789012' } }), message: 'Agent Id exceeds 11 digits', path: 'from.agentId' },
    { name: 'destination agent of 12 digits', dial: () => intent({ kind: 'agent', agentId: '123456789012' }), message: 'Agent Id exceeds 11 digits', path: 'to.agentId' },
    { name: 'no calling agent anywhere', profile: { agentId: undefined }, dial: () => intent(phone('+442072068888')), message: 'Agent Id must be specified', path: 'from.agentId' },
    { name: 'reference over 2000 characters', dial: () => intent(phone('+442072068888'), { options: vonage({ reference: 'r'.repeat(2001) }) }), message: 'Reference exceeded 2000 characters', path: 'regarding.reference' },
    { name: 'reference with spaces', dial: () => intent(phone('+442072068888'), { options: vonage({ reference: 'case 42' }) }), message: 'Reference contained invalid characters', path: 'regarding.reference' },
    { name: 'application over 32 characters', dial: () => intent(phone('+442072068888'), { options: vonage({ application: 'a'.repeat(33) }) }), message: 'Application exceeded 32 characters', path: 'application' },
    { name: 'application with a hyphen', dial: () => intent(phone('+442072068888'), { options: vonage({ application: 'crm-app' }) }), message: 'Application contains non-alphanumeric characters', path: 'application' },
  ];

  it.each(cases)('$name → "$message"', async ({ dial, profile, message, path }) => {
    const { adapter } = makeAdapter(profile);
    const dialIntent = dial();
    const error = await rejection(adapter.dial(dialIntent));
    expect(error).toMatchObject({ code: 'VALIDATION', message, path });
    expect(error.hint).toContain('Nothing was sent to Vonage.');
    expect(emulator.server.log.list()).toEqual([]);

    // The same body sent straight to the emulator gets the same words back from "VCC".
    const body = buildCallRequestBody(
      { localId: dialIntent.localId, target: dialIntent.target as Extract<CallTarget, { kind: 'phone' | 'agent' }>, ...(dialIntent.from ? { from: dialIntent.from } : {}), ...(dialIntent.options?.vendor === 'vonage' ? { options: dialIntent.options } : {}) },
      VonageProfileSchema.parse({ id: 'p', vendor: 'vonage', baseUrl: base, accountKey: ACCOUNT, ...(profile && 'agentId' in profile ? {} : { agentId: '1234' }), numberFormat: 'national-digits' }),
    );
    const response = await fetch(`${base}/v0/${ACCOUNT}/calls/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await rawToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message });
  });

  it('refuses a call from an agent and groups at once, in its own words, without sending', async () => {
    const { adapter } = makeAdapter();
    const error = await rejection(adapter.dial(intent(phone('+442072068888'), { from: { agentId: '5464', groupIds: ['030'] } })));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'from', message: 'Call either from an agent or from groups, not both.' });
    expect(emulator.server.log.list()).toEqual([]);
  });
});

describe('what VCC cannot do is refused with the reason, nothing sent', () => {
  it('post-dial digits', async () => {
    const { adapter } = makeAdapter();
    const error = await rejection(adapter.dial(intent({ kind: 'phone', input: '02072068888,,123#', number: '+442072068888', postDial: ',,123#' })));
    expect(error).toMatchObject({ code: 'NOT_SUPPORTED', path: 'target.postDial' });
    expect(error.message).toContain('no field for post-dial digits');
    expect(emulator.server.log.list()).toEqual([]);
  });

  it.each([
    ['scheduling', intent(phone('+442072068888'), { schedule: { kind: 'in', amount: 5, unit: 'minutes' } }), 'schedule'],
    ['calling groups', intent({ kind: 'groups', groupIds: ['030'] }), 'target'],
  ])('%s', async (_name, dialIntent, path) => {
    const { adapter } = makeAdapter();
    expect(await rejection(adapter.dial(dialIntent))).toMatchObject({ code: 'NOT_SUPPORTED', path });
    expect(emulator.server.log.list()).toEqual([]);
  });

  it('hang-up: not claimed by the capabilities, and refused with the reason', async () => {
    const { adapter } = makeAdapter();
    expect(adapter.capabilities.actions).not.toContain('hangup');
    const error = await rejection(adapter.hangup({ localId: 'x', vendorCallId: '017db4a2-44b5-672e-8b9f-1a805fed07ad' }));
    expect(error).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(error.message).toContain('no hang-up operation');
    expect(emulator.server.log.list()).toEqual([]);
  });
});

describe('tokens', () => {
  it('signIn obtains a token and says who calls', async () => {
    const { adapter } = makeAdapter();
    expect(await adapter.signIn()).toContain('agent 1234');
    const tokenRequests = emulator.server.log.list(TOKEN_PATH);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:sandbox-token`).toString('base64')}`);
    expect(tokenRequests[0]?.body).toBe('grant_type=client_credentials');
  });

  it('signIn with a wrong API token fails with the vendor’s words', async () => {
    const { adapter } = makeAdapter({}, { secret: 'not-the-token' });
    const error = await rejection(adapter.signIn());
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorMessage: 'invalid_client' });
    expect(emulator.server.log.list().map((entry) => entry.path)).toEqual(['/v0/oauth2/token']);
  });

  it('without an API token nothing is sent', async () => {
    const { adapter } = makeAdapter({}, { secret: undefined });
    expect(await rejection(adapter.dial(intent(phone('+442072068888'))))).toMatchObject({ code: 'AUTH_FAILED' });
    expect(emulator.server.log.list()).toEqual([]);
  });

  it('an expired token is renewed once and the call placed once', async () => {
    const { adapter } = makeAdapter();
    await adapter.signIn();
    expect(emulator.control.expireTokens()).toBe(1);
    const { vendorCallId } = await adapter.dial(intent(phone('+442072068888')));

    expect(emulator.server.log.list(TOKEN_PATH)).toHaveLength(2);
    const sent = posts();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers.authorization).not.toBe(sent[1]?.headers.authorization);
    expect(emulator.control.calls().map((call) => call.id)).toEqual([vendorCallId]);
  });

  it('a second 401 in a row is not retried again: AUTH_FAILED, no call', async () => {
    const { adapter } = makeAdapter();
    emulator.control.force({ status: 401, on: 'create', times: 5 });
    const error = await rejection(adapter.dial(intent(phone('+442072068888'))));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorMessage: 'Authorization has been denied for this request.' });
    expect(posts()).toHaveLength(2);
    expect(emulator.control.calls()).toEqual([]);
  });

  it('keeps the API token and bearer tokens out of the logs', async () => {
    const { adapter, logs, until } = makeAdapter();
    await adapter.signIn();
    emulator.control.expireTokens();
    const { vendorCallId } = await adapter.dial(intent(phone('+442072068888')));
    emulator.control.hangUp(vendorCallId ?? '');
    await until(() => (emulator.server.log.list(DETAIL_PATH).length > 0 ? true : undefined));
    const written = JSON.stringify(logs);
    const bearers = emulator.server.log
      .list()
      .map((entry) => String(entry.headers.authorization ?? '').split(' ')[1] ?? '')
      .filter((token) => token !== '');
    expect(bearers.length).toBeGreaterThan(2);
    for (const secret of ['sandbox-token', ...bearers]) expect(written).not.toContain(secret);
  });
});

describe('failures that may have placed a call are never retried', () => {
  it('429 → RATE_LIMITED with the advice to wait; one POST', async () => {
    const { adapter } = makeAdapter();
    emulator.control.force({ status: 429, on: 'create' });
    const error = await rejection(adapter.dial(intent(phone('+442072068888'))));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', vendorMessage: 'Too Many Requests' });
    expect(error.hint).toMatch(/wait a few seconds/);
    expect(posts()).toHaveLength(1);
  });

  it.each([500, 502, 503])('HTTP %i on create → OUTCOME_UNKNOWN; exactly one POST', async (status) => {
    const { adapter } = makeAdapter();
    emulator.server.faults.add({ path: CALLS_PATH, method: 'POST', action: 'respond', status, times: 5 });
    const error = await rejection(adapter.dial(intent(phone('+442072068888'))));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(posts()).toHaveLength(1);
  });

  it('a timeout on create → OUTCOME_UNKNOWN, one POST — and the call did get placed', async () => {
    const { adapter } = makeAdapter({ requestTimeoutMs: 200 });
    await adapter.signIn();
    emulator.server.faults.add({ path: CALLS_PATH, method: 'POST', action: 'delay', delayMs: 600, times: 5 });
    const error = await rejection(adapter.dial(intent(phone('+442072068888'))));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.hint).toMatch(/did not retry/);
    await eventually(() => (emulator.control.calls().length === 1 ? true : undefined));
    expect(posts()).toHaveLength(1);
  });

  it('a dropped connection on create → OUTCOME_UNKNOWN; one POST', async () => {
    const { adapter } = makeAdapter();
    emulator.server.faults.add({ path: CALLS_PATH, method: 'POST', action: 'drop', times: 5 });
    expect((await rejection(adapter.dial(intent(phone('+442072068888'))))).code).toBe('OUTCOME_UNKNOWN');
    expect(posts()).toHaveLength(1);
  });

  it('one intent places at most one call', async () => {
    const { adapter } = makeAdapter();
    const once = intent({ kind: 'agent', agentId: '4567' });
    await adapter.dial(once);
    expect(await rejection(adapter.dial(once))).toMatchObject({ code: 'DUPLICATE_INTENT' });
    expect(posts()).toHaveLength(1);
  });

  it('a 201 without a readable call object is reported accepted, not failed', async () => {
    const { adapter, observations } = makeAdapter();
    emulator.server.faults.add({ path: CALLS_PATH, method: 'POST', action: 'respond', status: 201, body: 'Created' });
    const dialIntent = intent(phone('+442072068888'));
    expect(await adapter.dial(dialIntent)).toEqual({});
    expect(observations).toEqual([expect.objectContaining({ localId: dialIntent.localId, state: 'accepted' })]);
  });
});

describe('status polling', () => {
  it('follows an answered call to its end, then stops reading', async () => {
    const { adapter, observations, until } = makeAdapter();
    const dialIntent = intent(phone('+442072068888'));
    const { vendorCallId = '' } = await adapter.dial(dialIntent);
    await until(() => (detailReads().length >= 2 ? true : undefined));
    emulator.control.hangUp(vendorCallId);
    const ended = await until(() => observations.find((o) => o.state === 'ended'));
    expect(ended).toMatchObject({ localId: dialIntent.localId, vendorCallId, rawState: 'Finished: Success (Destination, Normal)', sourceEvent: 'GET call detail' });
    expect(observations.map((o) => o.state)).toEqual(['dialing', 'ended']);

    const readsAtEnd = detailReads().length;
    await pause(200); // ten poll intervals
    expect(detailReads()).toHaveLength(readsAtEnd);
  });

  it('reports a failed call with VCC’s result, driven by the far end', async () => {
    const { adapter, observations, until } = makeAdapter();
    emulator.control.scriptFarEnd('02071234569', 'busy', 50);
    const { vendorCallId } = await adapter.dial(intent(phone('+442071234569')));
    const failed = await until(() => observations.find((o) => o.state === 'failed'));
    expect(failed).toMatchObject({
      vendorCallId,
      rawState: 'Finished: Failure (Destination, NumberBusy)',
      failure: { code: 'NumberBusy', message: 'Failure (Destination, NumberBusy)', hint: 'The number was busy.' },
    });
  });

  it('keeps the disposition code and the originator’s side of a failure', async () => {
    const { adapter, observations, until } = makeAdapter();
    const { vendorCallId = '' } = await adapter.dial(intent(phone('+447970303957')));
    emulator.control.finishCall(vendorCallId, { code: 'Failure', party: 'Originator', reason: 'NoAnswer' }, 'Wrong Number');
    const failed = await until(() => observations.find((o) => o.state === 'failed'));
    expect(failed.rawState).toBe('Finished: Failure (Originator, NoAnswer); disposition Wrong Number');
    expect(failed.failure?.hint).toBe('Nobody answered. This was on the calling agent’s side.');
  });

  it('backs off on 429 while polling and still reaches the end', async () => {
    const { adapter, observations, until } = makeAdapter();
    const { vendorCallId = '' } = await adapter.dial(intent({ kind: 'agent', agentId: '4567' }));
    emulator.control.force({ status: 429, on: 'detail', times: 2 });
    await until(() => (detailReads().length >= 3 ? true : undefined));
    emulator.control.hangUp(vendorCallId);
    await until(() => observations.find((o) => o.state === 'ended'));
  });

  it('stops and reports the session when VCC refuses the token twice while polling', async () => {
    const { adapter, sessions, until } = makeAdapter();
    await adapter.dial(intent(phone('+442072068888')));
    emulator.control.force({ status: 401, on: 'detail', times: 2 });
    const lost = await until(() => sessions.find((s) => s.status === 'error'));
    expect(lost.error?.code).toBe('AUTH_FAILED');
    const reads = detailReads().length;
    await pause(200);
    expect(detailReads()).toHaveLength(reads);
  });

  it('polls nothing once signed out', async () => {
    const { adapter, until } = makeAdapter();
    await adapter.dial(intent(phone('+442072068888')));
    await until(() => (detailReads().length >= 1 ? true : undefined));
    await adapter.signOut();
    const reads = detailReads().length;
    await pause(200);
    expect(detailReads().length).toBeLessThanOrEqual(reads + 1);
  });
});

describe('resync', () => {
  const record = (id: string, vendorCallId: string | undefined, state: CallRecord['state'] = 'dialing'): CallRecord => ({
    id,
    profileId: 'vcc',
    vendor: 'vonage',
    ...(vendorCallId !== undefined ? { vendorCallId } : {}),
    direction: 'outbound',
    target: phone('+442072068888'),
    state,
    timeline: [],
    actions: [],
    createdAt: 0,
  });

  it('re-reads live calls, keeps following those still active, and skips those it cannot read', async () => {
    const placing = makeAdapter();
    const { vendorCallId: active = '' } = await placing.adapter.dial(intent(phone('+442072068888')));
    const { vendorCallId: over = '' } = await placing.adapter.dial(intent({ kind: 'agent', agentId: '4567' }, { from: { agentId: '5464' } }));
    await placing.adapter.dispose();
    emulator.control.hangUp(over);
    emulator.server.log.clear();

    const live = [record('a', active), record('b', over), record('c', undefined, 'unknown')];
    const { adapter, observations, until } = makeAdapter({}, { liveCalls: () => live });
    await adapter.resync();
    expect(observations).toEqual([
      expect.objectContaining({ localId: 'a', vendorCallId: active, state: 'dialing', rawState: 'Active' }),
      expect.objectContaining({ localId: 'b', vendorCallId: over, state: 'ended' }),
    ]);
    expect(detailReads().slice(0, 2).map((entry) => entry.path.split('/').pop()).sort()).toEqual([active, over].sort());

    emulator.control.hangUp(active);
    await until(() => observations.find((o) => o.localId === 'a' && o.state === 'ended'));
    const reads = detailReads();
    await pause(200);
    expect(detailReads()).toHaveLength(reads.length);
    expect(reads.filter((entry) => entry.path.endsWith(over))).toHaveLength(1);
  });
});
