import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVonageEmulator, type VonageEmulator } from '../../../sandbox/vonage';
import { HttpClient } from '../http/httpClient';
import { TokenCache } from './tokenCache';

const ACCOUNT = 'a1b2c3d4e5';
const TOKEN_PATH = '^/v0/oauth2/token$';
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let emulator: VonageEmulator;
let base: string;
let http: HttpClient;

beforeAll(async () => {
  emulator = createVonageEmulator();
  base = await emulator.listen();
  http = new HttpClient();
});
afterAll(async () => {
  await http.close();
  await emulator.close();
});
beforeEach(() => emulator.control.reset());
afterEach(() => emulator.server.log.clear());

function cache(options: { secret?: string | undefined; now?: () => number } = {}): TokenCache {
  const secret = 'secret' in options ? options.secret : 'sandbox-token';
  return new TokenCache({
    http,
    tokenUrl: `${base}/v0/oauth2/token`,
    accountKey: ACCOUNT,
    apiToken: () => secret,
    timeoutMs: 5_000,
    log: quiet,
    ...(options.now ? { now: options.now } : {}),
  });
}

const tokenRequests = () => emulator.server.log.list(TOKEN_PATH).length;

/** A request that shows whether VCC accepts the token: 404 for an unknown call when it does, 401 when not. */
const probe = (token: string) =>
  http.request({ method: 'GET', url: `${base}/v0/${ACCOUNT}/calls/00000000-0000-0000-0000-000000000000`, headers: { authorization: `Bearer ${token}` } });

describe('TokenCache', () => {
  it('shares one token request between concurrent callers and reuses the token', async () => {
    const tokens = cache();
    const [first, second] = await Promise.all([tokens.token(), tokens.token()]);
    expect(first).toBe(second);
    expect(await tokens.token()).toBe(first);
    expect(tokenRequests()).toBe(1);
  });

  it('renews at 90 % of the token’s lifetime, before it expires', async () => {
    let now = 1_000_000;
    const tokens = cache({ now: () => now });
    const first = await tokens.token();
    now += 3_239_000;
    expect(await tokens.token()).toBe(first);
    now += 2_000;
    const renewed = await tokens.token();
    expect(renewed).not.toBe(first);
    expect(tokenRequests()).toBe(2);
  });

  it('follows the lifetime VCC states in expires_in', async () => {
    const shortLived = createVonageEmulator({ tokenTtlSeconds: 100 });
    const url = await shortLived.listen();
    try {
      let now = 0;
      const tokens = new TokenCache({ http, tokenUrl: `${url}/v0/oauth2/token`, accountKey: ACCOUNT, apiToken: () => 'sandbox-token', timeoutMs: 5_000, log: quiet, now: () => now });
      const first = await tokens.token();
      now = 89_000;
      expect(await tokens.token()).toBe(first);
      now = 91_000;
      expect(await tokens.token()).not.toBe(first);
    } finally {
      await shortLived.close();
    }
  });

  it('repeats a request exactly once after a 401, with a new token', async () => {
    const tokens = cache();
    await tokens.token();
    emulator.control.expireTokens();
    const sentWith: string[] = [];
    const response = await tokens.withToken((token) => {
      sentWith.push(token);
      return probe(token);
    });
    expect(response.status).toBe(404);
    expect(sentWith).toHaveLength(2);
    expect(sentWith[0]).not.toBe(sentWith[1]);
  });

  it('gives back the second 401 instead of trying a third time', async () => {
    const tokens = cache();
    emulator.control.force({ status: 401, on: 'detail', times: 3 });
    let sends = 0;
    const response = await tokens.withToken((token) => {
      sends += 1;
      return probe(token);
    });
    expect(response.status).toBe(401);
    expect(sends).toBe(2);
  });

  it('sends nothing without an API token', async () => {
    await expect(cache({ secret: undefined }).token()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(emulator.server.log.list()).toEqual([]);
  });

  it('reports a refused API token with the vendor’s words', async () => {
    await expect(cache({ secret: 'wrong' }).token()).rejects.toMatchObject({ code: 'AUTH_FAILED', vendorMessage: 'invalid_client' });
  });

  it('reports an unreachable token endpoint as a network error', async () => {
    const closed = createVonageEmulator();
    const url = await closed.listen();
    await closed.close();
    const tokens = new TokenCache({ http, tokenUrl: `${url}/v0/oauth2/token`, accountKey: ACCOUNT, apiToken: () => 'sandbox-token', timeoutMs: 5_000, log: quiet });
    await expect(tokens.token()).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
