import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIovoxEmulator, type IovoxEmulator } from './index';

const SANDBOX = { username: 'sandbox', secureKey: 'sandbox-key' };
const DOCUMENTED_PAYLOAD = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123</call_destination>
<my_custom_var>Bob</my_custom_var>
<the_custom_var>Smith</the_custom_var>
<another_custom_var>1234</another_custom_var>
</call_variables>
</request>`;
const DELAYED_PAYLOAD = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123,,1,,2</call_destination>
<delay>30</delay>
</call_variables>
</request>`;

const requestXml = (inner: string): string => `<?xml version="1.0" encoding="utf-8"?>\n<request>${inner}</request>`;
const withDestination = (extra = ''): string =>
  requestXml(`<link_id>link123</link_id><call_variables><call_destination>449789123123</call_destination>${extra}</call_variables>`);

let emulator: IovoxEmulator;
let baseUrl: string;

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

interface Sent {
  method?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

async function initiateCall(sent: Sent = {}): Promise<{ status: number; errors: string[]; statuses: string[]; text: string }> {
  const response = await fetch(`${baseUrl}/Calling${sent.query ?? '?v=3&method=initiateCall'}`, {
    method: sent.method ?? 'POST',
    headers: { ...(sent.headers ?? SANDBOX), 'content-type': 'application/xml' },
    ...(sent.method === 'GET' ? {} : { body: sent.body ?? withDestination() }),
  });
  const text = await response.text();
  return { status: response.status, text, ...readErrors(text) };
}

function readErrors(text: string): { errors: string[]; statuses: string[] } {
  if (text === '') return { errors: [], statuses: [] };
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'error', parseAttributeValue: false }).parse(text) as {
    errors?: { error: Array<{ '#text'?: string; '@_status': string }> };
  };
  const errors = parsed.errors?.error ?? [];
  return { errors: errors.map((error) => error['#text'] ?? ''), statuses: errors.map((error) => error['@_status']) };
}

describe('IOVOX emulator: initiateCall success', () => {
  it('answers the documented payload with 201 and an empty body, recording the variables', async () => {
    const result = await initiateCall({ body: DOCUMENTED_PAYLOAD });
    expect(result).toMatchObject({ status: 201, text: '' });
    const [call] = emulator.control.calls();
    expect(call).toMatchObject({
      linkId: 'link123',
      callDestination: '449789123123',
      destinationDigits: '449789123123',
      keypresses: '',
      delayMinutes: 0,
      variables: { my_custom_var: 'Bob', the_custom_var: 'Smith', another_custom_var: '1234' },
      outcome: 'answer',
    });
  });

  it('splits the keypress suffix and schedules the documented delay in minutes', async () => {
    expect((await initiateCall({ body: DELAYED_PAYLOAD })).status).toBe(201);
    const [call] = emulator.control.calls();
    expect(call).toMatchObject({ destinationDigits: '449789123123', keypresses: ',,1,,2', delayMinutes: 30, variables: {} });
    expect(call!.scheduledAt - call!.requestedAt).toBe(30 * 60_000);
  });

  it('accepts the documentation example credentials too', async () => {
    const headers = { username: 'RestUserName', secureKey: 'eb94fd75a6a8c04306dd341953e7e922' };
    expect((await initiateCall({ headers })).status).toBe(201);
  });

  it('keeps escaped special characters as the variable text', async () => {
    const body = withDestination('<my_custom_var>a&lt;b&gt; &amp; &quot;q&quot; &apos;s&apos; ]]&gt;</my_custom_var>');
    expect((await initiateCall({ body })).status).toBe(201);
    expect(emulator.control.calls()[0]?.variables).toEqual({ my_custom_var: `a<b> & "q" 's' ]]>` });
  });
});

describe('IOVOX emulator: the documented error table', () => {
  const cases: Array<{ name: string; sent: Sent | (() => Sent); status: number; errors: string[] }> = [
    { name: 'no credentials', sent: { headers: {} }, status: 401, errors: ['HTTP 401: Unauthorized'] },
    { name: 'wrong secureKey', sent: { headers: { username: 'sandbox', secureKey: 'nope' } }, status: 401, errors: ['HTTP 401: Unauthorized'] },
    { name: 'no v', sent: { query: '?method=initiateCall' }, status: 400, errors: ['API Version Empty'] },
    { name: 'empty v', sent: { query: '?v=&method=initiateCall' }, status: 400, errors: ['API Version Empty'] },
    { name: 'v=2', sent: { query: '?v=2&method=initiateCall' }, status: 400, errors: ['API Version Invalid'] },
    { name: 'another method', sent: { query: '?v=3&method=hangup' }, status: 400, errors: ['Method Invalid'] },
    { name: 'GET', sent: { method: 'GET' }, status: 400, errors: ['Request Method must be POST. GET attempted'] },
    { name: 'PUT', sent: { method: 'PUT' }, status: 400, errors: ['Request Method must be POST. PUT attempted'] },
    { name: 'empty body', sent: { body: '' }, status: 400, errors: ['XML Empty'] },
    {
      name: 'mismatched tags',
      sent: { body: '<?xml version="1.0" encoding="utf-8"?>\n<request>\n<link_id>link123</linkid>\n</request>' },
      status: 400,
      errors: ["XML parse error. Expected closing tag 'link_id' (opened in line 3, col 1) instead of closing tag 'linkid'. at line 3, column 17"],
    },
    {
      name: 'an element the XML parser refuses',
      sent: { body: requestXml('<link_id>link123</link_id>\n<call_variables><__proto__>x</__proto__></call_variables>') },
      status: 400,
      errors: ['XML parse error. [SECURITY] Invalid name: "__proto__" is a reserved JavaScript keyword that could cause prototype pollution at line 3, column 17'],
    },
    { name: 'empty request', sent: { body: requestXml('') }, status: 400, errors: ['Request Empty'] },
    { name: 'other root', sent: { body: '<call><link_id>link123</link_id></call>' }, status: 400, errors: ['Request Empty'] },
    { name: 'no link_id', sent: { body: requestXml('<call_variables><call_destination>1</call_destination></call_variables>') }, status: 400, errors: ['Link ID Empty'] },
    { name: 'blank link_id', sent: { body: requestXml('<link_id>  </link_id>') }, status: 400, errors: ['Link ID Empty'] },
    { name: 'unknown link', sent: { body: requestXml('<link_id>nope</link_id>') }, status: 400, errors: ['Link ID does not exist'] },
    { name: 'link without rules', sent: { body: requestXml('<link_id>link000</link_id>') }, status: 400, errors: ['Link ID has no Calling Rules'] },
    {
      name: 'missing call_destination',
      sent: { body: requestXml('<link_id>link123</link_id><call_variables><my_custom_var>Bob</my_custom_var></call_variables>') },
      status: 400,
      errors: ['Call Variable call_destination Empty'],
    },
    {
      name: 'blank call_destination',
      sent: { body: requestXml('<link_id>link123</link_id><call_variables><call_destination/></call_variables>') },
      status: 400,
      errors: ['Call Variable call_destination Empty'],
    },
    { name: 'delay not an integer', sent: { body: withDestination('<delay>1.5</delay>') }, status: 400, errors: ['Call Variable delay must be an integer'] },
  ];

  it.each(cases)('$name → $status $errors', async ({ sent, status, errors }) => {
    const result = await initiateCall(typeof sent === 'function' ? sent() : sent);
    expect(result.status).toBe(status);
    expect(result.errors).toEqual(errors);
    expect(result.statuses).toEqual(errors.map(() => String(status)));
    expect(emulator.control.calls()).toHaveLength(0);
  });

  it('reports every missing required variable in one response', async () => {
    emulator.control.upsertLink({ linkId: 'link456', requiredVariables: ['call_destination', 'my_custom_var', 'the_custom_var'] });
    const result = await initiateCall({ body: requestXml('<link_id>link456</link_id><call_variables><call_destination>449789123123</call_destination></call_variables>') });
    expect(result.status).toBe(400);
    expect(result.errors).toEqual(['Call Variable my_custom_var Empty', 'Call Variable the_custom_var Empty']);
    expect(result.text).toContain('<errors>');
  });

  it('answers The number of calls allowed has been exceeded past the call limit', async () => {
    emulator.control.setCallLimit({ maxCalls: 2 });
    expect((await initiateCall()).status).toBe(201);
    expect((await initiateCall()).status).toBe(201);
    expect(await initiateCall()).toMatchObject({ status: 400, errors: ['The number of calls allowed has been exceeded'] });
    expect(emulator.control.calls()).toHaveLength(2);
  });

  it('counts the limit per API user and frees it when the window has passed', async () => {
    emulator.control.setCallLimit({ maxCalls: 1, windowMs: 60_000 });
    expect((await initiateCall()).status).toBe(201);
    expect((await initiateCall({ headers: { username: 'RestUserName', secureKey: 'eb94fd75a6a8c04306dd341953e7e922' } })).status).toBe(201);
    expect((await initiateCall()).status).toBe(400);
    emulator.control.advanceMinutes(1);
    expect((await initiateCall()).status).toBe(201);
  });

  it('answers 500 Internal Server Error when told to, placing nothing', async () => {
    emulator.control.failNext();
    expect(await initiateCall()).toMatchObject({ status: 500, errors: ['Internal Server Error'] });
    expect(emulator.control.calls()).toHaveLength(0);
    expect((await initiateCall()).status).toBe(201);
  });
});

describe('IOVOX emulator: getCallData', () => {
  const callData = async (query: string, headers: Record<string, string> = SANDBOX): Promise<Response> =>
    fetch(`${baseUrl}/Calls?v=3&method=getCallData${query}`, { headers });
  const results = (text: string): Array<Record<string, string>> => {
    const parsed = new XMLParser({ isArray: (name) => name === 'result', parseTagValue: false }).parse(text) as {
      response: { results: { result?: Array<Record<string, string>> } | '' };
    };
    return parsed.response.results === '' ? [] : (parsed.response.results.result ?? []);
  };

  it('shows a call record only once the call has run, with the outcome scripted by the number', async () => {
    emulator.control.scriptOutcome('449789123127', 'no-answer');
    for (const number of ['449789123123', '449789123129', '449789123127']) {
      await initiateCall({ body: requestXml(`<link_id>link123</link_id><call_variables><call_destination>${number}</call_destination><delay>5</delay></call_variables>`) });
    }
    expect(results(await (await callData('&link_id=link123')).text())).toEqual([]);
    emulator.control.advanceMinutes(6);
    const rows = results(await (await callData('&link_id=link123&ctype=API&order=cs_ASC')).text());
    expect(rows.map((row) => [row.id, row.call_res, row.ctype, row.lid])).toEqual([
      ['1', 'ANSWERED', 'API', 'link123'],
      ['2', 'BUSY', 'API', 'link123'],
      ['3', 'NO ANSWER', 'API', 'link123'],
    ]);
    const busy = results(await (await callData('&call_res=BUSY&req_fields=id,call_res')).text());
    expect(busy).toEqual([{ id: '2', call_res: 'BUSY' }]);
  });

  it('answers JSON when asked and pages the results', async () => {
    await initiateCall();
    await initiateCall();
    emulator.control.advanceMinutes(1);
    const response = await callData('&output=JSON&limit=1&page=2&order=cs_ASC&req_fields=id');
    expect(await response.json()).toEqual({ response: { results: { result: [{ id: '2' }] } } });
  });

  it('checks credentials, version, method and parameters', async () => {
    expect(readErrors(await (await callData('', {})).text()).errors).toEqual(['HTTP 401: Unauthorized']);
    const badVersion = await fetch(`${baseUrl}/Calls?v=9&method=getCallData`, { headers: SANDBOX });
    expect(readErrors(await badVersion.text()).errors).toEqual(['API Version Invalid']);
    const post = await fetch(`${baseUrl}/Calls?v=3&method=getCallData`, { method: 'POST', headers: SANDBOX });
    expect(readErrors(await post.text()).errors).toEqual(['Request Method must be GET. POST attempted']);
    const bad = await callData('&limit=0&sdt=yesterday');
    expect(bad.status).toBe(400);
    expect(readErrors(await bad.text()).errors).toEqual(['Parameter sdt Invalid', 'Parameter limit Invalid']);
  });
});

describe('IOVOX emulator: control over HTTP', () => {
  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${baseUrl}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('lists calls, forces 500, sets the limit, upserts links, scripts outcomes and moves the clock', async () => {
    expect((await post('force', { status: 500 })).status).toBe(204);
    expect((await initiateCall()).status).toBe(500);
    expect((await post('call-limit', { maxCalls: 0 })).status).toBe(204);
    expect((await initiateCall()).errors).toEqual(['The number of calls allowed has been exceeded']);
    expect((await post('call-limit', { maxCalls: 5 })).status).toBe(204);
    expect((await post('links/link789', { requiredVariables: ['call_destination', 'agent'] })).status).toBe(204);
    expect((await initiateCall({ body: requestXml('<link_id>link789</link_id><call_variables><call_destination>1</call_destination></call_variables>') })).errors).toEqual([
      'Call Variable agent Empty',
    ]);
    expect((await post('outcomes', { destination: '449789123123', outcome: 'busy' })).status).toBe(204);
    expect((await initiateCall()).status).toBe(201);
    expect((await post('clock', { advanceMinutes: 2 })).status).toBe(204);
    const listed = (await (await fetch(`${baseUrl}/__sandbox/calls`)).json()) as { calls: Array<{ outcome: string }> };
    expect(listed.calls.map((call) => call.outcome)).toEqual(['busy']);
  });

  it('refuses malformed control bodies', async () => {
    expect((await post('force', { status: 503 })).status).toBe(400);
    expect((await post('outcomes', { destination: '+44', outcome: 'busy' })).status).toBe(400);
  });

  it('reset restores the seeded links, the limit and the clock', async () => {
    emulator.control.upsertLink({ linkId: 'link123', hasCallingRules: false });
    emulator.control.setCallLimit({ maxCalls: 0 });
    await fetch(`${baseUrl}/__sandbox/reset`, { method: 'POST' });
    expect((await initiateCall()).status).toBe(201);
  });
});
