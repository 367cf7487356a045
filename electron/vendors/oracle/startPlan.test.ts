import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { Schedule } from '../../../shared/ipc/contract';
import type { DialIntent } from '../adapter';
import { formatRfc2822, oracleAuthorization, oracleSchedule, oracleUserExtension, oracleUserPhone, oracleVisitorContext, planOracleStart } from './startPlan';

const NOW = Date.UTC(2030, 0, 1, 10, 0, 0);

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('oracleUserPhone', () => {
  it.each([
    ['+12026345789', '12026345789'],
    ['12026345789', '12026345789'],
    ['+447700900123', '447700900123'],
  ])('%s → %s', (number, digits) => expect(oracleUserPhone(number)).toBe(digits));

  it.each(['+1234567', '02026345789', '+1 202 634 5789', '+1234567890123456'])('rejects %j', (number) => {
    expect(rejection(() => oracleUserPhone(number))).toMatchObject({ code: 'VALIDATION', path: 'target.number' });
  });
});

describe('oracleUserExtension', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['1234', '1234'],
    [',,1,,234#', ',,1,,234#'],
    ['.*9#', '.*9#'],
  ])('%j → %j', (postDial, extension) => expect(oracleUserExtension(postDial)).toBe(extension));

  it.each([
    ['12a', '"a"'],
    ['1 2', '" "'],
    ['+1', '"+"'],
  ])('rejects %j naming %s', (postDial, named) => {
    const error = rejection(() => oracleUserExtension(postDial));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'target.postDial' });
    expect(error.message).toContain(named);
  });
});

describe('oracleSchedule', () => {
  it.each<[Schedule | undefined, Record<string, unknown>]>([
    [undefined, {}],
    [{ kind: 'in', amount: 30, unit: 'seconds' }, { delay: 30, startsAt: NOW + 30_000 }],
    [{ kind: 'in', amount: 900, unit: 'seconds' }, { delay: 900, startsAt: NOW + 900_000 }],
    [{ kind: 'in', amount: 2, unit: 'minutes' }, { delay: 120, startsAt: NOW + 120_000 }],
    [{ kind: 'in', amount: 15, unit: 'minutes' }, { delay: 900, startsAt: NOW + 900_000 }],
    [{ kind: 'at', at: '2030-01-01T16:30:00Z' }, { when: 'Tue, 01 Jan 2030 16:30:00 +0000', startsAt: Date.UTC(2030, 0, 1, 16, 30) }],
    [{ kind: 'at', at: '2030-01-01T18:30:00+02:00' }, { when: 'Tue, 01 Jan 2030 16:30:00 +0000', startsAt: Date.UTC(2030, 0, 1, 16, 30) }],
    [{ kind: 'at', at: '2030-01-01T10:00:01.000Z' }, { when: 'Tue, 01 Jan 2030 10:00:01 +0000', startsAt: NOW + 1_000 }],
  ])('%j → %j', (schedule, expected) => expect(oracleSchedule(schedule, NOW)).toEqual(expected));

  it.each<[Schedule, string]>([
    [{ kind: 'in', amount: 901, unit: 'seconds' }, 'at most 900 seconds'],
    [{ kind: 'in', amount: 16, unit: 'minutes' }, '16 minutes is too long'],
    [{ kind: 'at', at: '2030-01-01T10:00:00Z' }, 'has passed'],
    [{ kind: 'at', at: '2029-12-31T23:00:00Z' }, 'has passed'],
    [{ kind: 'at', at: '2030-01-01T10:00:00.500Z' }, 'fraction of a second'],
  ])('rejects %j', (schedule, reason) => {
    const error = rejection(() => oracleSchedule(schedule, NOW));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'schedule' });
    expect(error.message).toContain(reason);
  });
});

describe('formatRfc2822', () => {
  it('writes the documented example time', () => {
    expect(formatRfc2822(Date.UTC(2013, 6, 29, 16, 30, 0))).toBe('Mon, 29 Jul 2013 16:30:00 +0000');
  });
});

describe('oracleVisitorContext', () => {
  it('flattens the optional data beside the visitor fields', () => {
    expect(
      oracleVisitorContext({ visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', data: { var1: 'gold', CustRef: 'A-1' } }),
    ).toEqual({ visitorId: 'v-42', referrerUrl: 'https://shop.example/cart', language: 'en', var1: 'gold', CustRef: 'A-1' });
  });

  it.each([
    [{ language: 'eng' }, 'options.visitorContext.language', 'two-letter'],
    [{ referrerUrl: 'javascript:alert(1)' }, 'options.visitorContext.referrerUrl', 'http or https'],
    [{ visitorId: 'x'.repeat(256) }, 'options.visitorContext.visitorId', 'longer than 255'],
    [{ data: { language: 'en' } }, 'options.visitorContext.data.language', 'cannot name an optional data field'],
    [{ data: { 'Cust Ref': 'x' } }, 'options.visitorContext.data.Cust Ref', 'cannot name an optional data field'],
    [{ data: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, 'x'])) }, 'options.visitorContext.data', 'at most 10'],
  ])('rejects %j', (context, path, reason) => {
    const error = rejection(() => oracleVisitorContext(context));
    expect(error).toMatchObject({ code: 'VALIDATION', path });
    expect(error.message).toContain(reason);
  });
});

describe('oracleAuthorization', () => {
  it.each([
    [undefined, {}],
    [{ url: 'https://crm.example/c2c/authorize?ticket=abc', encrypted: false }, { authorizeUrl: 'https://crm.example/c2c/authorize?ticket=abc', authEncrypted: false }],
    [{ url: 'aHR0cHM6Ly9jcm0uZXhhbXBsZQ==', encrypted: true }, { authorizeUrl: 'aHR0cHM6Ly9jcm0uZXhhbXBsZQ==', authEncrypted: true }],
  ])('%j → %j', (authorization, expected) => expect(oracleAuthorization(authorization)).toEqual(expected));

  it.each([{ url: 'not a url', encrypted: false }, { url: 'ftp://x.example', encrypted: false }, { url: '', encrypted: true }])('rejects %j', (authorization) => {
    expect(rejection(() => oracleAuthorization(authorization))).toMatchObject({ code: 'VALIDATION', path: 'authorizeUrl' });
  });
});

describe('planOracleStart', () => {
  const intent = (change: Partial<DialIntent> = {}): DialIntent => ({ localId: 'c1', target: { kind: 'phone', input: '+12026345789', number: '+12026345789' }, ...change });
  const defaults = { callAgentFirst: false, authorization: undefined };

  it('sends an empty body for a plain call', () => {
    expect(planOracleStart(intent(), defaults, NOW)).toEqual({ userPhone: '12026345789', body: {}, startsAt: undefined });
  });

  it.each([
    ['the profile default', {}, true, { callAgentFirst: true }],
    ['the call option over the default', { options: { vendor: 'oracle' as const, callAgentFirst: false } }, true, {}],
    ['the call option alone', { options: { vendor: 'oracle' as const, callAgentFirst: true } }, false, { callAgentFirst: true }],
  ])('callAgentFirst from %s', (_name, change, profileDefault, body) => {
    expect(planOracleStart(intent(change), { callAgentFirst: profileDefault, authorization: undefined }, NOW).body).toEqual(body);
  });

  it.each<[string, Partial<DialIntent>, string]>([
    ['an agent target', { target: { kind: 'agent', agentId: '4567' } }, 'target'],
    ['a chosen caller', { from: { agentId: '1234' } }, 'from'],
    ['options of another vendor', { options: { vendor: 'iovox', variables: {} } }, 'options'],
  ])('rejects %s', (_name, change, path) => {
    expect(rejection(() => planOracleStart(intent(change), defaults, NOW))).toMatchObject({ code: 'VALIDATION', path });
  });
});
