import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { AppError } from '../../../shared/errors';
import type { Schedule } from '../../../shared/ipc/contract';
import { STATE_LABELS } from '../../../shared/callModel';
import { createIovoxEmulator, type IovoxEmulator } from '../../../sandbox/iovox';
import type { DialIntent, VendorAdapter } from '../adapter';
import { iovoxVendorModule } from './index';
import { recordingHost } from '../testing/recordingHost';

const DOCUMENTED_PRESS_ONE = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123,1</call_destination>
</call_variables>
</request>`;
const DOCUMENTED_DELAYED = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123,,1,,2</call_destination>
<delay>30</delay>
</call_variables>
</request>`;

let emulator: IovoxEmulator;
let baseUrl: string;
let adapters: VendorAdapter[] = [];

beforeAll(async () => {
  emulator = createIovoxEmulator();
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
  secureKey?: string | undefined;
  linkId?: string;
  requestTimeoutMs?: number;
  url?: string;
}

function makeAdapter(setup: Setup = {}) {
  const recorder = recordingHost();
  const profile = iovoxVendorModule.profileSchema.parse({
    id: 'iovox',
    vendor: 'iovox',
    baseUrl: setup.url ?? baseUrl,
    username: 'sandbox',
    secureKey: { env: 'IOVOX_KEY' },
    linkId: setup.linkId ?? 'link123',
    ...(setup.requestTimeoutMs ? { requestTimeoutMs: setup.requestTimeoutMs } : {}),
  });
  const secureKey = 'secureKey' in setup ? setup.secureKey : 'sandbox-key';
  const adapter = iovoxVendorModule.create(profile, {
    host: recorder.host,
    secrets: (field) => (field === 'secureKey' ? secureKey : undefined),
  });
  adapters.push(adapter);
  return { adapter, ...recorder };
}

const phone = (number: string, postDial?: string): DialIntent['target'] => ({ kind: 'phone', input: number, number, ...(postDial !== undefined ? { postDial } : {}) });
const intent = (change: Partial<DialIntent> = {}): DialIntent => ({ localId: 'call-1', target: phone('+449789123123'), ...change });
const calls = () => emulator.server.log.list('^/Calling$');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the adapter to fail');
}

describe('IOVOX adapter: calls on the wire', () => {
  it.each<[string, DialIntent, string]>([
    ['press 1 after the answer', intent({ target: phone('+449789123123', ',1') }), DOCUMENTED_PRESS_ONE],
    [
      'pauses and keypresses with delay 30 (minutes)',
      intent({ target: phone('+449789123123', ',,1,,2'), schedule: { kind: 'in', amount: 30, unit: 'minutes' } }),
      DOCUMENTED_DELAYED,
    ],
    [
      'delay given as 1800 seconds, an exact 30 minutes',
      intent({ target: phone('+449789123123', ',,1,,2'), schedule: { kind: 'in', amount: 1800, unit: 'seconds' } }),
      DOCUMENTED_DELAYED,
    ],
  ])('sends the documented payload: %s', async (_name, dial, expected) => {
    const { adapter } = makeAdapter();
    await expect(adapter.dial(dial)).resolves.toEqual({});
    const [sent] = calls();
    expect(sent?.body.trimEnd()).toBe(expected);
    expect(sent?.query).toBe('?v=3&method=initiateCall');
    expect(sent?.headers).toMatchObject({ username: 'sandbox', securekey: 'sandbox-key', 'content-type': 'application/xml; charset=utf-8' });
  });

  it('reports the call accepted, final, with no invented progress', async () => {
    const { adapter, observations } = makeAdapter();
    await adapter.dial(intent({ schedule: { kind: 'in', amount: 5, unit: 'minutes' } }));
    expect(observations).toEqual([
      { localId: 'call-1', state: 'accepted', rawState: 'HTTP 201', sourceEvent: 'initiateCall (delay 5 min)', actions: [] },
    ]);
    expect(STATE_LABELS.accepted).toContain('no progress');
    expect(emulator.control.calls()).toMatchObject([{ destinationDigits: '449789123123', delayMinutes: 5 }]);
  });

  it('sends custom variables whose XML special characters reach IOVOX as plain text', async () => {
    const { adapter } = makeAdapter();
    const variables = {
      my_custom_var: '</my_custom_var><link_id>link000</link_id><my_custom_var>',
      the_custom_var: 'Tom & Jerry <tj@example.com>',
      another_custom_var: ']]> "quoted" \'single\' &amp;',
    };
    await adapter.dial(intent({ options: { vendor: 'iovox', variables } }));
    const [call] = emulator.control.calls();
    expect(call?.linkId).toBe('link123');
    expect(call?.callDestination).toBe('449789123123');
    expect(call?.variables).toEqual(variables);
    expect(calls()[0]?.body).not.toContain('<link_id>link000');
  });

  it('keeps the secureKey out of the log', async () => {
    const { adapter, logged } = makeAdapter();
    await adapter.dial(intent());
    expect(JSON.stringify(logged)).not.toContain('sandbox-key');
  });
});

describe('IOVOX adapter: documented errors reach the user verbatim', () => {
  const cannedErrors = (status: number, ...texts: string[]): string =>
    `<?xml version="1.0" encoding="utf-8"?>\n<errors>\n${texts.map((text) => `  <error status="${status}">${text}</error>`).join('\n')}\n</errors>`;
  const respondWith = (status: number, text: string) => () => {
    emulator.server.faults.add({ path: '^/Calling$', action: 'respond', status, headers: { 'content-type': 'application/xml' }, body: cannedErrors(status, text), times: 1 });
  };

  // The adapter never sends what provokes the first seven, so the emulator replays IOVOX's answer.
  const cases: Array<{ text: string; code: string; setup: (() => void) | Setup }> = [
    { text: 'API Version Empty', code: 'VENDOR_REJECTED', setup: respondWith(400, 'API Version Empty') },
    { text: 'API Version Invalid', code: 'VENDOR_REJECTED', setup: respondWith(400, 'API Version Invalid') },
    { text: 'Request Method must be POST. GET attempted', code: 'VENDOR_REJECTED', setup: respondWith(400, 'Request Method must be POST. GET attempted') },
    { text: 'XML Empty', code: 'VENDOR_REJECTED', setup: respondWith(400, 'XML Empty') },
    {
      text: 'XML parse error. Unclosed tag &apos;request&apos;. at line 2, column 1',
      code: 'VENDOR_REJECTED',
      setup: respondWith(400, 'XML parse error. Unclosed tag &apos;request&apos;. at line 2, column 1'),
    },
    { text: 'Request Empty', code: 'VENDOR_REJECTED', setup: respondWith(400, 'Request Empty') },
    { text: 'Link ID Empty', code: 'VENDOR_REJECTED', setup: respondWith(400, 'Link ID Empty') },
    { text: 'Link ID does not exist', code: 'NOT_FOUND', setup: { linkId: 'link999' } },
    { text: 'Link ID has no Calling Rules', code: 'VENDOR_REJECTED', setup: { linkId: 'link000' } },
    {
      text: 'Call Variable agent_name Empty',
      code: 'VENDOR_REJECTED',
      setup: () => emulator.control.upsertLink({ linkId: 'link123', requiredVariables: ['call_destination', 'agent_name'] }),
    },
    { text: 'The number of calls allowed has been exceeded', code: 'RATE_LIMITED', setup: () => emulator.control.setCallLimit({ maxCalls: 0 }) },
    { text: 'Internal Server Error', code: 'OUTCOME_UNKNOWN', setup: () => emulator.control.failNext() },
    { text: 'HTTP 401: Unauthorized', code: 'AUTH_FAILED', setup: { secureKey: 'wrong-key' } },
  ];

  it.each(cases)('$text → $code', async ({ text, code, setup }) => {
    if (typeof setup === 'function') setup();
    const { adapter, observations } = makeAdapter(typeof setup === 'function' ? {} : setup);
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe(code);
    expect(error.vendorMessage).toBe(text.replaceAll('&apos;', "'"));
    expect(error.hint).toBeTruthy();
    expect(error.message).not.toBe(error.vendorMessage);
    expect(observations).toEqual([]);
    expect(calls()).toHaveLength(1);
  });

  it('shows every error of a multi-error response', async () => {
    emulator.control.upsertLink({ linkId: 'link123', requiredVariables: ['call_destination', 'agent_name', 'campaign'] });
    const { adapter } = makeAdapter();
    const error = await failure(adapter.dial(intent()));
    expect(error.vendorMessage).toBe('Call Variable agent_name Empty\nCall Variable campaign Empty');
    expect(error.message).toContain('2 reasons');
    expect(error.message).toContain('"agent_name"');
    expect(error.message).toContain('"campaign"');
  });
});

describe('IOVOX adapter: never retries a request that may have placed a call', () => {
  it.each<[string, () => void]>([
    ['a 500 without a body', () => emulator.server.faults.add({ path: '^/Calling$', action: 'respond', status: 500, times: 1 })],
    ['a 502 HTML page', () => emulator.server.faults.add({ path: '^/Calling$', action: 'respond', status: 502, body: '<html>Bad gateway</html>', times: 1 })],
    ['a 200 instead of 201', () => emulator.server.faults.add({ path: '^/Calling$', action: 'respond', status: 200, times: 1 })],
    ['a dropped connection', () => emulator.server.faults.add({ path: '^/Calling$', action: 'drop', times: 1 })],
  ])('%s → OUTCOME_UNKNOWN after exactly one request', async (_name, arrange) => {
    arrange();
    const { adapter, observations } = makeAdapter({ requestTimeoutMs: 300 });
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.hint).toContain('never retries');
    expect(observations).toEqual([]);
    expect(calls()).toHaveLength(1);
  });

  it('a timeout while IOVOX places the call → OUTCOME_UNKNOWN, and the one call is placed', async () => {
    emulator.server.faults.add({ path: '^/Calling$', action: 'delay', delayMs: 1_000, times: 1 });
    const { adapter } = makeAdapter({ requestTimeoutMs: 200 });
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toContain('may or may not have been placed');
    await expect.poll(() => emulator.control.calls().length, { timeout: 10_000 }).toBe(1);
    expect(calls()).toHaveLength(1);
  });

  it('says nothing was sent when IOVOX cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { adapter } = makeAdapter({ url: `http://127.0.0.1:${closedPort}` });
    const error = await failure(adapter.dial(intent()));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('nothing was sent');
  });
});

describe('IOVOX adapter: bad input is refused before anything is sent', () => {
  const schedule = (s: Schedule): Partial<DialIntent> => ({ schedule: s });
  it.each<[string, Partial<DialIntent>, Setup, string, string]>([
    ['seconds that are not whole minutes', schedule({ kind: 'in', amount: 90, unit: 'seconds' }), {}, 'VALIDATION', '90 seconds is not a whole number of minutes'],
    ['a start time', schedule({ kind: 'at', at: '2030-01-01T10:00:00Z' }), {}, 'VALIDATION', 'cannot start a call at a set time'],
    ['a delay over 24 hours', schedule({ kind: 'in', amount: 1441, unit: 'minutes' }), {}, 'VALIDATION', 'at most 1440 minutes'],
    ['digits without a leading pause', { target: phone('+449789123123', '1') }, {}, 'VALIDATION', 'must start with ","'],
    ['the Oracle-only mute character', { target: phone('+449789123123', ',.1') }, {}, 'VALIDATION', 'Oracle-only'],
    ['a star', { target: phone('+449789123123', ',*1') }, {}, 'VALIDATION', '"*" cannot be sent'],
    ['a national number', { target: phone('09789123123') }, {}, 'VALIDATION', 'international number'],
    ['an agent target', { target: { kind: 'agent', agentId: '4567' } }, {}, 'VALIDATION', 'phone numbers only'],
    ['a reserved variable', { options: { vendor: 'iovox', variables: { delay: '5' } } }, {}, 'VALIDATION', 'set by the softphone'],
    ['a variable name that is not XML', { options: { vendor: 'iovox', variables: { 'a b': 'x' } } }, {}, 'VALIDATION', 'cannot be an IOVOX variable name'],
    ['a control character', { options: { vendor: 'iovox', variables: { note: 'a\u0000b' } } }, {}, 'VALIDATION', 'control character'],
    ['no secureKey', {}, { secureKey: undefined }, 'AUTH_FAILED', 'no secureKey'],
  ])('%s', async (_name, change, setup, code, reason) => {
    const { adapter } = makeAdapter(setup);
    const error = await failure(adapter.dial(intent(change)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(reason);
    expect(emulator.server.log.list()).toHaveLength(0);
  });
});

describe('IOVOX adapter: sign-in, hang-up, capabilities', () => {
  it('verifies the credentials with a read that places no call', async () => {
    const { adapter } = makeAdapter();
    const detail = await adapter.signIn();
    expect(detail).toContain('Signed in as sandbox');
    expect(detail).toContain('Link link123 is only checked when a call is placed');
    expect(emulator.server.log.list().map((entry) => entry.path)).toEqual(['/Calls']);
    expect(emulator.control.calls()).toHaveLength(0);
  });

  it('shows IOVOX\'s 401 at sign-in', async () => {
    const { adapter } = makeAdapter({ secureKey: 'wrong-key' });
    const error = await failure(adapter.signIn());
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorMessage: 'HTTP 401: Unauthorized' });
    expect(error.hint).toContain('whitelisted');
  });

  it('refuses a sign-in answer that is not from IOVOX', async () => {
    emulator.server.faults.add({ path: '^/Calls$', action: 'respond', status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Welcome</body></html>', times: 1 });
    const { adapter } = makeAdapter();
    const error = await failure(adapter.signIn());
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.message).toContain('does not look like the IOVOX API');
  });

  it('cannot hang up, and says so in its capabilities', async () => {
    const { adapter } = makeAdapter();
    expect(adapter.capabilities.actions).toEqual([]);
    expect(adapter.capabilities.eventSource).toBe('none');
    const error = await failure(adapter.hangup({ localId: 'call-1' }));
    expect(error.code).toBe('NOT_SUPPORTED');
    expect(emulator.server.log.list()).toHaveLength(0);
  });

  it('declares secureKey as its only secret', () => {
    expect(iovoxVendorModule.secretFields).toEqual(['secureKey']);
    expect(() => iovoxVendorModule.profileSchema.parse({ id: 'x', vendor: 'iovox', baseUrl: 'https://api.iovox.com:444', username: 'u', linkId: 'l', secureKey: 'plain' })).toThrow();
  });
});
