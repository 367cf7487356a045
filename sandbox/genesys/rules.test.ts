import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallIdGenerator } from './calls/callIds';
import { CALL_OPERATIONS, CAPABILITIES, canPerform } from './calls/capabilities';
import { callTypeFor, farEndOutcomeFor } from './calls/farEndScript';
import { attachUserData, deleteUserDataPair, updateUserData } from './calls/userData';
import { refuseClientPublish, toGwsWire } from './cometd/gwsWire';
import { parseBasicAuthorization, sessionIdsFromCookieHeader } from './http/gate';
import { CallCommandSchema, DialBodySchema, parseBody } from './http/requestBodies';
import { PublishQueue, pickDelay } from './tserver/publishQueue';

describe('far-end script', () => {
  it.each([
    ['5001', 'answer'],
    ['+442079460123', 'answer'],
    ['5009', 'busy'],
    ['5008', 'no-answer'],
    ['000123', 'invalid'],
    ['0009', 'invalid'],
    ['5001abc', 'invalid'],
    ['555 1212', 'invalid'],
    ['12*#', 'answer'],
  ] as const)('%s → %s', (phoneNumber, outcome) => {
    expect(farEndOutcomeFor(phoneNumber)).toBe(outcome);
  });
});

describe('callType', () => {
  it.each([
    ['5001', 'outbound', 'Internal'],
    ['12345', 'outbound', 'Internal'],
    ['123456', 'outbound', 'Outbound'],
    ['+4420', 'outbound', 'Outbound'],
    ['123456', 'inbound', 'Inbound'],
    ['5001', 'inbound', 'Internal'],
  ] as const)('%s (%s) → %s', (phoneNumber, direction, callType) => {
    expect(callTypeFor(phoneNumber, direction)).toBe(callType);
  });
});

describe('capabilities', () => {
  it('allows nothing on a Released call', () => {
    for (const operation of CALL_OPERATIONS) expect(canPerform('Released', operation)).toBe(false);
  });

  it.each([
    ['Dialing', 'Hangup', true],
    ['Dialing', 'SendDtmf', true],
    ['Dialing', 'Hold', false],
    ['Ringing', 'Answer', true],
    ['Ringing', 'Hangup', false],
    ['Established', 'Hold', true],
    ['Established', 'Retrieve', false],
    ['Held', 'Retrieve', true],
    ['Held', 'SendDtmf', false],
  ] as const)('%s allows %s: %s', (state, operation, allowed) => {
    expect(canPerform(state, operation)).toBe(allowed);
  });

  it('lists every operation in some state, and every listed operation parses with its parameters', () => {
    const listed = new Set(Object.values(CAPABILITIES).flat());
    expect([...listed].sort()).toEqual([...CALL_OPERATIONS].sort());
    const parameters: Record<string, Record<string, unknown>> = {
      SendDtmf: { digits: '1' },
      UpdateUserData: { userData: {} },
      AttachUserData: { userData: {} },
      DeleteUserDataPair: { key: 'k' },
    };
    for (const operationName of CALL_OPERATIONS) {
      expect(CallCommandSchema.safeParse({ operationName, ...(parameters[operationName] ?? {}) }).success).toBe(true);
    }
  });
});

describe('request body validation', () => {
  it.each([
    [undefined, 1, "Required parameter 'operationName' is missing"],
    [[], 1, "Required parameter 'operationName' is missing"],
    [{ operationName: 'Dial' }, 1, "Required parameter 'destination' is missing"],
    [{ operationName: 'Dial', destination: { phoneNumber: '' } }, 1, "Required parameter 'destination' is missing"],
    [{ operationName: 'Dial', destination: { phoneNumber: 5001 } }, 2, "Parameter 'destination' is not valid"],
    [{ operationName: 'Dial', destination: { phoneNumber: '5001' }, location: 7 }, 2, "Parameter 'location' is not valid"],
  ])('%j → statusCode %i', (body, statusCode, statusMessage) => {
    const parsed = parseBody(DialBodySchema, body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.response.body).toEqual({ statusCode, statusMessage });
  });
});

describe('user data', () => {
  it('updates, attaches (existing keys win) and deletes one pair', () => {
    expect(updateUserData({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
    expect(attachUserData({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 2, c: 4 });
    expect(deleteUserDataPair({ a: 1, b: 2 }, 'a')).toEqual({ b: 2 });
    expect(deleteUserDataPair({ a: 1 }, 'missing')).toEqual({ a: 1 });
  });
});

describe('GWS Bayeux wire rewrites', () => {
  it.each([
    [
      { id: '3', channel: '/meta/connect', successful: false, error: '401:abc123:Unknown client', advice: { reconnect: 'handshake', interval: 0 } },
      { id: '3', channel: '/meta/connect', successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake' } },
    ],
    [
      { id: '1', channel: '/meta/handshake', successful: true, clientId: 'c', supportedConnectionTypes: ['long-polling', 'websocket', 'eventsource'] },
      { id: '1', channel: '/meta/handshake', successful: true, clientId: 'c', supportedConnectionTypes: ['long-polling', 'callback-polling'] },
    ],
    [{ id: '9', channel: '/v2/me/calls', data: { x: 1 }, clientId: 'publisher' }, { channel: '/v2/me/calls', data: { x: 1 } }],
    [
      { id: '2', channel: '/meta/subscribe', successful: false, error: '405:/bad:Invalid channel' },
      { id: '2', channel: '/meta/subscribe', successful: false, error: '405:/bad:Invalid channel' },
    ],
  ])('%j → %j', (message, wire) => {
    expect(toGwsWire(message)).toEqual(wire);
  });

  it('refuses client publications but not meta messages', () => {
    expect(refuseClientPublish({ channel: '/v2/me/calls', data: {} }).error).toBe('403:/v2/me/calls:Forbidden channel');
    expect(refuseClientPublish({ channel: '/meta/connect' }).error).toBeUndefined();
  });
});

describe('HTTP credentials', () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it.each([
    [undefined, undefined],
    [basic('agent1:sandbox'), { userName: 'agent1', password: 'sandbox' }],
    [basic('agent1:pa:ss'), { userName: 'agent1', password: 'pa:ss' }],
    [basic('agent1'), 'invalid'],
    [basic(':sandbox'), 'invalid'],
    ['Bearer abc', undefined],
    ['Basic', 'invalid'],
  ])('%s → %j', (header, credentials) => {
    expect(parseBasicAuthorization(header)).toEqual(credentials);
  });

  it.each([
    [undefined, []],
    ['JSESSIONID=A1', ['A1']],
    ['AWSELB=x; JSESSIONID=A1', ['A1']],
    ['JSESSIONID=OLD; JSESSIONID=NEW', ['OLD', 'NEW']],
    ['jsessionid=A1', []],
  ])('JSESSIONIDs of %s → %j', (header, ids) => {
    expect(sessionIdsFromCookieHeader(header)).toEqual(ids);
  });
});

describe('call ids', () => {
  it('hands out the documented ids first, then fresh ones, and starts over on reset', () => {
    const ids = new CallIdGenerator();
    expect(ids.next()).toEqual({ id: '013V08JRL498H1OI04000VTAES00000G', connId: '0072026cb98d140f' });
    expect(ids.next()).toEqual({ id: '01NOSKNPB8AT3D4MUTCJ82LAES000111', connId: '0072026cb98d140e' });
    const fresh = ids.next();
    expect(fresh.id).toMatch(/^[0-9A-Z]{32}$/);
    expect(fresh.connId).toMatch(/^[0-9a-f]{16}$/);
    ids.reset();
    expect(ids.next().id).toBe('013V08JRL498H1OI04000VTAES00000G');
  });
});

describe('publish queue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never reorders publications whose random delays decrease', async () => {
    vi.useFakeTimers();
    const queue = new PublishQueue();
    const order: number[] = [];
    [200, 150, 100, 50, 0].forEach((delay, index) => queue.enqueue(delay, () => order.push(index)));
    await vi.advanceTimersByTimeAsync(199);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs a 0 ms publication after the current turn, not synchronously', async () => {
    vi.useFakeTimers();
    const queue = new PublishQueue();
    const order: string[] = [];
    queue.enqueue(0, () => order.push('published'));
    order.push('replied');
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['replied', 'published']);
  });

  it('drops pending publications on clear', async () => {
    vi.useFakeTimers();
    const queue = new PublishQueue();
    const run = vi.fn();
    queue.enqueue(10, run);
    queue.clear();
    await vi.advanceTimersByTimeAsync(20);
    expect(run).not.toHaveBeenCalled();
  });

  it('picks delays within the range, bounds included', () => {
    expect(pickDelay({ min: 50, max: 200 }, () => 0)).toBe(50);
    expect(pickDelay({ min: 50, max: 200 }, () => 0.999999)).toBe(200);
    expect(pickDelay({ min: 0, max: 0 }, Math.random)).toBe(0);
  });
});
