import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVonageEmulator, type VonageEmulator } from './index';
import { VCC_MESSAGES } from './messages';

const ACCOUNT = 'a1b2c3d4e5';
const DOC_BASIC = 'Basic YTFiMmMzZDRlNTo5cEJsK3hZMU1XK0Fic2RaazR4cHY3TndXeEc4K29xZHVLaVNxVnliTTlZPQ==';
const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

let emulator: VonageEmulator;
let base: string;

beforeAll(async () => {
  emulator = createVonageEmulator({ answeredCallMs: 60, noAnswerMs: 40, busyMs: 20 });
  base = await emulator.listen();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  expect((await fetch(`${base}/__sandbox/reset`, { method: 'POST' })).status).toBe(204);
});

async function requestToken(authorization = basic(ACCOUNT, 'sandbox-token'), form = 'grant_type=client_credentials'): Promise<Response> {
  return fetch(`${base}/v0/oauth2/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}

async function token(account = ACCOUNT): Promise<string> {
  const response = await requestToken(basic(account, 'sandbox-token'));
  return ((await response.json()) as { access_token: string }).access_token;
}

async function postCall(
  body: unknown,
  options: { bearer?: string; contentType?: string; path?: string } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const bearer = options.bearer ?? (await token());
  const response = await fetch(`${base}${options.path ?? `/v0/${ACCOUNT}/calls/`}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': options.contentType ?? 'application/json; version=6' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function getCall(id: string, bearer?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}/v0/${ACCOUNT}/calls/${id}`, {
    headers: { authorization: `Bearer ${bearer ?? (await token())}`, accept: 'application/json;version=3' },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const finished = async (id: string): Promise<Record<string, unknown>> =>
  waitFor(async () => {
    const { json } = await getCall(id);
    return json.status === null ? json : undefined;
  });

describe('POST /v0/oauth2/token', () => {
  it('issues a one-hour bearer token for Basic accountKey:apiToken', async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
  });

  it("accepts the documentation's own example header", async () => {
    expect((await requestToken(DOC_BASIC)).status).toBe(200);
  });

  it('accepts client_id and client_secret in the form body', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: ACCOUNT, client_secret: 'sandbox-token' });
    const response = await fetch(`${base}/v0/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong API token with 401 invalid_client', async () => {
    const response = await requestToken(basic(ACCOUNT, 'wrong'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });

  it('refuses another grant type', async () => {
    const response = await requestToken(undefined, 'grant_type=password');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('issues tokens with the configured lifetime', async () => {
    const shortLived = createVonageEmulator({ tokenTtlSeconds: 120 });
    const url = await shortLived.listen();
    try {
      const response = await fetch(`${url}/v0/oauth2/token`, {
        method: 'POST',
        headers: { authorization: basic(ACCOUNT, 'sandbox-token'), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      expect(await response.json()).toMatchObject({ expires_in: 120 });
    } finally {
      await shortLived.close();
    }
  });
});

describe('bearer tokens on the Calls API', () => {
  const body = { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } };
  const denied = { message: 'Authorization has been denied for this request.' };

  it('answers 401 without a token', async () => {
    const response = await fetch(`${base}/v0/${ACCOUNT}/calls/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(denied);
  });

  it('answers 401 once the token expired (control), and places nothing', async () => {
    const bearer = await token();
    expect(emulator.control.expireTokens()).toBe(1);
    expect(await postCall(body, { bearer })).toMatchObject({ status: 401, json: denied });
    expect(emulator.control.calls()).toEqual([]);
  });

  it("answers 401 for another account's token", async () => {
    expect(await postCall(body, { bearer: await token('lmccg0ujju4') })).toMatchObject({ status: 401 });
  });
});

describe('POST /v0/{accountKey}/calls/: the documented examples', () => {
  const examples: Array<[string, Record<string, unknown>]> = [
    ['agent → number', { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } }],
    ['agent → agent', { from: { agentId: '1234' }, to: { agentId: '4567' } }],
    ['group → number', { from: { groups: ['030'] }, to: { telephoneNumber: '02072068888' } }],
    ['several groups → number', { from: { groups: ['030', '200', '400'] }, to: { telephoneNumber: '02072068888' } }],
    ['presented CLID', { from: { agentId: '1234', presentedCLID: '08008888888' }, to: { telephoneNumber: '02072068888' } }],
    [
      'regarding + application',
      { from: { agentId: '1234', presentedCLID: '08008888888' }, to: { telephoneNumber: '02072068888' }, regarding: { reference: '0012400000ATTUQ' }, application: 'appName' },
    ],
    ['consent', { from: { agentId: '1234', consent: 'OneParty' }, to: { telephoneNumber: '02072068888', consent: 'OneParty' } }],
  ];

  it.each(examples)('%s is accepted with 201', async (_name, body) => {
    const response = await postCall(body);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: 'Active', recordingStatus: 'Stopped', dispositionCode: null });
  });

  it('answers the documented 201 shape with Location, presentedClid and the first documented id', async () => {
    const response = await postCall(
      { from: { agentId: '1234', presentedCLID: '123456789', consent: 'OneParty' }, to: { telephoneNumber: '02072068888', consent: 'OneParty' }, regarding: { reference: '0012400000ATTUQ' }, application: 'ExampleAppName' },
      { contentType: 'application/json;version=6' },
    );
    const href = `${base}/V0/${ACCOUNT}/Calls/017db4a2-44b5-672e-8b9f-1a805fed07ad`;
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(href);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({
      id: '017db4a2-44b5-672e-8b9f-1a805fed07ad',
      links: [{ href, rel: '_self' }],
      from: { presentedClid: '123456789', agentId: '1234', consent: 'OneParty' },
      to: { telephoneNumber: '02072068888', consent: 'OneParty' },
      regarding: { reference: '0012400000ATTUQ' },
      status: 'Active',
      recordingStatus: 'Stopped',
      application: 'ExampleAppName',
      dispositionCode: null,
    });
    expect((await postCall({ from: { agentId: '4567' }, to: { telephoneNumber: '02072068888' } })).json.id).toBe('94e5928c-7f7e-4645-ad72-61010f906449');
  });

  it('accepts the path without its trailing slash', async () => {
    expect((await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } }, { path: `/v0/${ACCOUNT}/calls` })).status).toBe(201);
  });

  it('refuses the "all possible body parameters" example: it fills mutually exclusive fields', async () => {
    const response = await postCall({
      from: { agentId: '5464', groups: ['030'], presentedCLID: '01256636451', consent: 'OneParty' },
      to: { telephoneNumber: '07970303957', agentId: '4567' },
      regarding: { reference: 'http://Test.com' },
      application: 'TestApp',
    });
    expect(response).toMatchObject({ status: 400, json: { message: 'The request is invalid.' } });
  });
});

describe('POST /v0/{accountKey}/calls/: every documented 400 message, verbatim', () => {
  const toNumber = { telephoneNumber: '02072068888' };
  const cases: Array<{ message: string; body: unknown; setup?: (emulator: VonageEmulator) => void }> = [
    { message: 'Ccxml must be enabled for this account', body: { from: { agentId: '1234' }, to: toNumber }, setup: (e) => e.control.setAccount(ACCOUNT, { ccxmlEnabled: false }) },
    { message: 'Unable to place call - Agent number busy', body: { from: { agentId: '1234' }, to: toNumber }, setup: (e) => e.control.setAgent('1234', { busy: true }) },
    { message: 'Unable to place call - dialed Agent is not currently available', body: { from: { agentId: '1234' }, to: { agentId: '4567' } }, setup: (e) => e.control.setAgent('4567', { loggedIn: false }) },
    { message: 'Unable to place call - invalid Agent Id.', body: { from: { agentId: '1234' }, to: { agentId: '999' } } },
    { message: 'Unable to place call - Agent Id is unknown', body: { from: { agentId: '999' }, to: toNumber } },
    { message: 'Unable to place call - number is invalid', body: { from: { agentId: '1234' }, to: { telephoneNumber: '12' } } },
    { message: 'Unable to place call to Agent. Please try again', body: { from: { groups: ['999'] }, to: toNumber } },
    { message: 'Telephone number exceeds 30 characters', body: { from: { agentId: '1234' }, to: { telephoneNumber: '0'.repeat(31) } } },
    { message: 'Agent Id exceeds 11 digits', body: { from: { agentId: '123456789012' }, to: toNumber } },
    { message: 'Agent Id must contain digits only', body: { from: { agentId: 'A1234' }, to: toNumber } },
    { message: 'Telephone number not supported in this context', body: { from: { telephoneNumber: '02072068888' }, to: toNumber } },
    { message: 'Agent Id must be specified', body: { from: {}, to: toNumber } },
    { message: 'Either telephone number or agent id required', body: { from: { agentId: '1234' }, to: {} } },
    { message: 'Either telephone number or agent id required, not both', body: { from: { agentId: '1234' }, to: { telephoneNumber: '07970303957', agentId: '4567' } } },
    { message: 'Reference exceeded 2000 characters', body: { from: { agentId: '1234' }, to: toNumber, regarding: { reference: 'x'.repeat(2001) } } },
    { message: 'Reference contained invalid characters', body: { from: { agentId: '1234' }, to: toNumber, regarding: { reference: 'not a url' } } },
    { message: 'Application exceeded 32 characters', body: { from: { agentId: '1234' }, to: toNumber, application: 'a'.repeat(33) } },
    { message: 'Application contains non-alphanumeric characters', body: { from: { agentId: '1234' }, to: toNumber, application: 'app_name' } },
  ];

  it('covers all 18 documented messages', () => {
    const documented = Object.entries(VCC_MESSAGES).slice(0, 18).map(([, text]) => text);
    expect(cases.map((c) => c.message).sort()).toEqual([...documented].sort());
  });

  it.each(cases)('"$message"', async ({ message, body, setup }) => {
    setup?.(emulator);
    const response = await postCall(body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message });
    expect(emulator.control.calls()).toEqual([]);
  });

  it.each([
    ['a calling agent already on a call', { from: { agentId: '1234' }, to: toNumber }, 'Unable to place call - Agent number busy'],
    ['a destination agent already on a call', { from: { agentId: '5464' }, to: { agentId: '1234' } }, 'Unable to place call - dialed Agent is not currently available'],
    ['a group whose agents are all on calls', { from: { groups: ['200'] }, to: toNumber }, 'Unable to place call to Agent. Please try again'],
  ])('refuses %s', async (_name, body, message) => {
    emulator.control.scriptFarEnd('02072068888', 'answer', 60_000);
    expect((await postCall({ from: { agentId: '1234' }, to: toNumber })).status).toBe(201);
    expect(await postCall(body)).toMatchObject({ status: 400, json: { message } });
  });

  it('refuses a presented CLID that is not a callback number of the account', async () => {
    const response = await postCall({ from: { agentId: '1234', presentedCLID: '01234567890' }, to: toNumber });
    expect(response).toMatchObject({ status: 400, json: { message: 'Unable to place call to Agent. Please try again' } });
  });

  it('answers 415 with the documented message for multipart/form-data', async () => {
    const form = new FormData();
    form.set('from', '1234');
    const response = await fetch(`${base}/v0/${ACCOUNT}/calls/`, { method: 'POST', headers: { authorization: `Bearer ${await token()}` }, body: form });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ message: "The requested resource does not support content type 'multipart/form-data'." });
  });
});

describe('GET /v0/{accountKey}/calls/{id}: lifecycle and far end', () => {
  const place = async (to: Record<string, string>, from: Record<string, unknown> = { agentId: '1234' }): Promise<string> => {
    const response = await postCall({ from, to });
    expect(response).toMatchObject({ status: 201, json: { status: 'Active', recordingStatus: 'Stopped' } });
    return String(response.json.id);
  };

  it.each([
    ['02072068888', { code: 'Success', party: 'Destination', reason: 'Normal' }],
    ['+442072068888', { code: 'Success', party: 'Destination', reason: 'Normal' }],
    ['07970303957', { code: 'Failure', party: 'Originator', reason: 'NoAnswer' }],
    ['02071234569', { code: 'Failure', party: 'Destination', reason: 'NumberBusy' }],
    ['02071234568', { code: 'Failure', party: 'Destination', reason: 'NoAnswer' }],
    ['02071234567', { code: 'Success', party: 'Destination', reason: 'Normal' }],
  ])('a call to %s goes from Active to finished with %o', async (number, result) => {
    const id = await place({ telephoneNumber: number });
    const detail = await finished(id);
    expect(detail).toMatchObject({ status: null, recordingStatus: null, result, dispositionCode: null });
  });

  it('frees the calling agent when the call ends', async () => {
    emulator.control.scriptFarEnd('4567', 'answer', 60_000);
    const id = await place({ agentId: '4567' });
    expect((await postCall({ from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } })).status).toBe(400);
    emulator.control.hangUp(id);
    expect(await finished(id)).toMatchObject({ result: { code: 'Success', party: 'Destination', reason: 'Normal' } });
    expect((await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } })).status).toBe(201);
  });

  it('follows far-end scripts set over HTTP: busy, and invalid refused up front', async () => {
    const script = (destination: string, outcome: string): Promise<Response> =>
      fetch(`${base}/__sandbox/far-end`, { method: 'POST', body: JSON.stringify({ destination, outcome }) });
    expect((await script('02072068888', 'busy')).status).toBe(204);
    expect((await script('02079460000', 'invalid')).status).toBe(204);
    const id = await place({ telephoneNumber: '02072068888' });
    expect(await finished(id)).toMatchObject({ result: { code: 'Failure', party: 'Destination', reason: 'NumberBusy' } });
    const refused = await postCall({ from: { agentId: '1234' }, to: { telephoneNumber: '+442079460000' } });
    expect(refused).toMatchObject({ status: 400, json: { message: 'Unable to place call - number is invalid' } });
  });

  it('finishes a call by control with a result and a disposition code, and hangs up by control', async () => {
    const slow = createVonageEmulator();
    const url = await slow.listen();
    try {
      const bearerResponse = await fetch(`${url}/v0/oauth2/token`, {
        method: 'POST',
        headers: { authorization: basic(ACCOUNT, 'sandbox-token'), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const bearer = ((await bearerResponse.json()) as { access_token: string }).access_token;
      const create = (to: object, from: object): Promise<Response> =>
        fetch(`${url}/v0/${ACCOUNT}/calls/`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ from, to }),
        });
      const first = ((await (await create({ telephoneNumber: '02072068888' }, { agentId: '1234' })).json()) as { id: string }).id;
      const second = ((await (await create({ telephoneNumber: '02072068888' }, { agentId: '4567' })).json()) as { id: string }).id;
      const finish = await fetch(`${url}/__sandbox/calls/${first}/finish`, {
        method: 'POST',
        body: JSON.stringify({ result: { code: 'Failure', party: 'Originator', reason: 'NoAnswer' }, dispositionCode: 'Wrong Number' }),
      });
      expect(finish.status).toBe(204);
      expect((await fetch(`${url}/__sandbox/calls/${second}/hangup`, { method: 'POST', body: '{"party":"Originator"}' })).status).toBe(204);
      const detail = async (id: string): Promise<unknown> =>
        (await fetch(`${url}/v0/${ACCOUNT}/calls/${id}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
      expect(await detail(first)).toEqual({
        id: first,
        links: [{ href: `${url}/V0/${ACCOUNT}/Calls/${first}`, rel: '_self' }],
        from: { agentId: '1234' },
        to: { telephoneNumber: '02072068888' },
        status: null,
        recordingStatus: null,
        result: { code: 'Failure', party: 'Originator', reason: 'NoAnswer' },
        dispositionCode: 'Wrong Number',
      });
      expect(await detail(second)).toMatchObject({ status: null, result: { code: 'Success', party: 'Originator', reason: 'Normal' } });
      expect((await fetch(`${url}/__sandbox/calls/${first}/finish`, { method: 'POST', body: JSON.stringify({ result: { code: 'Success', party: 'Destination', reason: 'Normal' } }) })).status).toBe(404);
    } finally {
      await slow.close();
    }
  });

  it('pauses and resumes recording with 202 while the call is active', async () => {
    emulator.control.scriptFarEnd('02071234567', 'answer', 60_000);
    const id = await place({ telephoneNumber: '02071234567' }, { agentId: '5464' });
    const bearer = await token();
    const setRecording = (recordingStatus: string): Promise<Response> =>
      fetch(`${base}/v0/${ACCOUNT}/calls/${id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recordingStatus }),
      });
    expect((await getCall(id, bearer)).json).toMatchObject({ id, status: 'Active', recordingStatus: 'Stopped' });
    expect((await setRecording('Paused')).status).toBe(202);
    expect((await getCall(id, bearer)).json).toMatchObject({ status: 'Active', recordingStatus: 'Paused' });
    expect((await setRecording('Started')).status).toBe(202);
    expect((await getCall(id, bearer)).json).toMatchObject({ recordingStatus: 'Started' });
    emulator.control.hangUp(id);
    expect((await setRecording('Paused')).status).toBe(400);
  });

  it('answers 404 for an unknown call and 405 for undocumented methods', async () => {
    const bearer = await token();
    expect(await getCall('00000000-0000-0000-0000-000000000000', bearer)).toMatchObject({ status: 404 });
    const put = await fetch(`${base}/v0/${ACCOUNT}/calls/017db4a2-44b5-672e-8b9f-1a805fed07ad`, { method: 'DELETE', headers: { authorization: `Bearer ${bearer}` } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await fetch(`${base}/v0/${ACCOUNT}/calls/`, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(405);
  });

  it('forgets call detail after the retention period', async () => {
    const forgetful = createVonageEmulator({ answeredCallMs: 1, detailRetentionMs: 0 });
    await forgetful.listen();
    try {
      const tokenResponse = await fetch(`${forgetful.server.url}/v0/oauth2/token`, {
        method: 'POST',
        headers: { authorization: basic(ACCOUNT, 'sandbox-token'), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const bearer = ((await tokenResponse.json()) as { access_token: string }).access_token;
      const created = await fetch(`${forgetful.server.url}/v0/${ACCOUNT}/calls/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: { agentId: '1234' }, to: { agentId: '4567' } }),
      });
      const id = ((await created.json()) as { id: string }).id;
      await waitFor(async () => {
        const response = await fetch(`${forgetful.server.url}/v0/${ACCOUNT}/calls/${id}`, { headers: { authorization: `Bearer ${bearer}` } });
        return response.status === 404 ? true : undefined;
      });
    } finally {
      await forgetful.close();
    }
  });
});

describe('control API', () => {
  it('forces 429 for the next request only', async () => {
    const response = await fetch(`${base}/__sandbox/force`, { method: 'POST', body: JSON.stringify({ status: 429 }) });
    expect(response.status).toBe(204);
    const body = { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } };
    expect(await postCall(body)).toMatchObject({ status: 429, json: { message: 'Too Many Requests' } });
    expect(emulator.control.calls()).toEqual([]);
    expect((await postCall(body)).status).toBe(201);
  });

  it('forces a 400 with a chosen message on the create request only', async () => {
    emulator.control.force({ status: 400, message: VCC_MESSAGES.callFailed, on: 'create' });
    const bearer = await token();
    expect((await getCall('017db4a2-44b5-672e-8b9f-1a805fed07ad', bearer)).status).toBe(404);
    expect(await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } }, { bearer })).toMatchObject({ status: 400, json: { message: VCC_MESSAGES.callFailed } });
    expect(emulator.control.calls()).toEqual([]);
    const placed = await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } }, { bearer });
    expect((await getCall(String(placed.json.id), bearer)).status).toBe(200);
  });

  it('sets agents and accounts over HTTP, and expires tokens', async () => {
    const bearer = await token();
    expect((await fetch(`${base}/__sandbox/agents/1234`, { method: 'POST', body: '{"busy":true}' })).status).toBe(204);
    expect(await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } }, { bearer })).toMatchObject({ json: { message: VCC_MESSAGES.callingAgentBusy } });
    expect((await fetch(`${base}/__sandbox/accounts/${ACCOUNT}`, { method: 'POST', body: '{"ccxmlEnabled":false}' })).status).toBe(204);
    expect(await postCall({ from: { agentId: '5464' }, to: { agentId: '4567' } }, { bearer })).toMatchObject({ json: { message: VCC_MESSAGES.ccxmlDisabled } });
    expect((await fetch(`${base}/__sandbox/agents/99`, { method: 'POST', body: '{"busy":true}' })).status).toBe(404);
    const expire = await fetch(`${base}/__sandbox/tokens/expire`, { method: 'POST' });
    expect(await expire.json()).toEqual({ expired: 1 });
    expect((await postCall({ from: { agentId: '5464' }, to: { agentId: '4567' } }, { bearer })).status).toBe(401);
  });

  it('resets to the seed: agents free, ids from the documented one, requests log cleared', async () => {
    await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } });
    expect(emulator.server.log.list('/calls').length).toBe(1);
    await fetch(`${base}/__sandbox/reset`, { method: 'POST' });
    expect(emulator.server.log.list()).toEqual([]);
    expect((await postCall({ from: { agentId: '1234' }, to: { agentId: '4567' } })).json.id).toBe('017db4a2-44b5-672e-8b9f-1a805fed07ad');
  });
});
