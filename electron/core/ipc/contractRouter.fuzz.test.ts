import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDORS, type Vendor } from '../../../shared/callModel';
import { AppErrorSchema, type ErrorCode } from '../../../shared/errors';
import { CHANNELS, CONTRACT, isChannel, type Channel, type Outcome } from '../../../shared/ipc/contract';
import { VENDOR_CAPABILITIES } from '../../../shared/vendors';
import { startSandbox, type Sandbox } from '../../../sandbox';
import type { SessionStatus } from '../../../shared/session';
import { FAST_SANDBOX, settledSessions, startLiveCore, type LiveCore } from '../testing/liveCore';

/**
 * Bad input on every contract channel, through the real router of a real core whose five
 * sandbox profiles are signed in to the emulators: each answer is a structured error (never
 * a throw, never INTERNAL), and nothing changes: no call record, no session change, no file
 * written, no request at any emulator.
 */

/** Channels that may answer a well-formed request without changing anything. */
const READ_ONLY: ReadonlySet<string> = new Set(['app.bootstrap', 'history.list', 'settings.get', 'settings.export', 'link.getSettings', 'directory.getFavourites']);
const REFUSALS: ReadonlySet<ErrorCode> = new Set(['NOT_FOUND', 'VALIDATION', 'NOT_SUPPORTED', 'INVALID_REQUEST']);

const NO_PROFILE = 'no-such-profile';
const NO_CALL = 'no-such-call';

/** Well-formed requests naming a profile or call that does not exist: each must be refused. */
const NAMES_NOTHING: Readonly<Record<string, unknown>> = {
  'session.signIn': { profileId: NO_PROFILE },
  'session.signOut': { profileId: NO_PROFILE },
  'directory.get': { profileId: NO_PROFILE },
  'call.dial': { profileId: NO_PROFILE, intentId: '9b2f1c3e-8d4a-4b6f-9e1d-2a3b4c5d6e7f', target: { kind: 'phone', input: '5001', number: '5001' } },
  'call.hangup': { callId: NO_CALL },
  'call.hold': { callId: NO_CALL },
  'call.retrieve': { callId: NO_CALL },
  'call.sendDigits': { callId: NO_CALL, digits: '12#' },
  'settings.profile.remove': { profileId: NO_PROFILE },
  'settings.profile.test': { profileId: NO_PROFILE },
  'settings.secret.set': { profileId: NO_PROFILE, field: 'password', change: { action: 'set', value: 'never-stored' } },
};

/**
 * Where mutations start from, field by field. A mutant that is still well-formed is sent only
 * for the channels above and the read-only ones; elsewhere it would be a real request.
 */
const SEEDS: Readonly<Record<string, unknown>> = {
  ...NAMES_NOTHING,
  'app.bootstrap': {},
  'history.list': { query: '5001', offset: 0, limit: 10 },
  'link.open': { uri: 'tel:+442079460123' },
  'settings.profile.save': { mode: 'add', vendor: 'iovox', values: { id: 'fuzzed', baseUrl: 'https://api.iovox.example' }, secrets: { secureKey: { action: 'set', value: 'v' } } },
  'settings.preferences.set': { defaultCountry: 'GB', theme: 'dark' },
  'settings.import': { text: '{}' },
};

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'profileId', 'callId', 'intentId', 'target', 'kind', 'number', 'vendor'];
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...DANGEROUS_KEYS));
const anyValue = fc.anything({
  key,
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
});

type Mutation = { op: 'replace'; value: unknown } | { op: 'delete' } | { op: 'add'; key: string; value: unknown } | { op: 'wrap' };

/** Every path to a value inside `value` (the root included). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value).flatMap(([k, inner]) => paths(inner, [...prefix, Array.isArray(value) ? Number(k) : k]));
  return [prefix, ...children];
}

function mutate(value: unknown, path: ReadonlyArray<string | number>, mutation: Mutation): unknown {
  if (path.length === 0) {
    switch (mutation.op) {
      case 'replace':
        return mutation.value;
      case 'delete':
        return undefined;
      case 'wrap':
        return [value];
      case 'add':
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [mutation.key]: mutation.value } : mutation.value;
    }
  }
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  const next = mutate(copy[head as string], rest, mutation);
  if (next === undefined && rest.length === 0 && mutation.op === 'delete') delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  anyValue.map((value) => ({ op: 'replace' as const, value })),
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('add' as const), key, value: anyValue }),
  fc.constant({ op: 'wrap' as const }),
  fc.string({ minLength: 65, maxLength: 300 }).map((value) => ({ op: 'replace' as const, value })),
);

const nearValid: fc.Arbitrary<{ channel: Channel; payload: unknown }> = fc
  .constantFrom(...CHANNELS)
  .chain((channel) => {
    const template = SEEDS[channel] ?? {};
    return fc.record({ path: fc.constantFrom(...paths(template)), mutation }).map(({ path, mutation: m }) => ({ channel, payload: mutate(template, path, m) }));
  });

/** Characters that can never make a dialable number, whatever a vendor strips or converts. */
const NOT_DIGITS = [' ', '-', '(', ')', '.', '/', '!', '?', '@', '$', '%', '&', '^', '~', '"', "'", '<', '>', '`', '\u00a0', '\u200b', '\u202e'];
const undialable = fc.string({ unit: fc.constantFrom(...NOT_DIGITS), maxLength: 40 });

/**
 * Schema-valid dials on real, signed-in profiles that must be refused: some by the adapter's
 * own validation (a number with no digit at all, on a request the vendor could otherwise
 * take), the others by the capability check (a target, caller, schedule or options the
 * vendor does not have).
 */
function refusedDial(profiles: ReadonlyArray<{ id: string; vendor: Vendor }>): fc.Arbitrary<unknown> {
  return fc.constantFrom(...profiles).chain(({ id, vendor }) => {
    const caps = VENDOR_CAPABILITIES[vendor];
    const base = { profileId: fc.constant(id), intentId: fc.uuid() };
    const undialablePhone = fc.record(
      { kind: fc.constant('phone'), input: undialable, number: undialable, postDial: fc.stringMatching(/^[0-9*#,]{1,10}$/) },
      { requiredKeys: ['kind', 'input', 'number'] },
    );
    const supportedSchedule = caps.scheduling.delayUnit
      ? fc.record({ kind: fc.constant('in'), amount: fc.integer({ min: 1, max: 2 }), unit: fc.constant(caps.scheduling.delayUnit) })
      : fc.constant(undefined);
    const byAdapter = fc
      .record({ ...base, target: undialablePhone, schedule: supportedSchedule })
      .map(({ schedule, ...request }) => (schedule ? { ...request, schedule } : request));

    const unsupported: Array<fc.Arbitrary<Record<string, unknown>>> = [
      fc.constantFrom(...VENDORS.filter((v) => v !== vendor)).map((other) => ({ options: { vendor: other } })),
    ];
    if (!caps.targets.includes('agent')) unsupported.push(fc.string({ minLength: 1, maxLength: 64 }).map((agentId) => ({ target: { kind: 'agent', agentId } })));
    if (!caps.targets.includes('groups')) {
      unsupported.push(fc.array(fc.string({ minLength: 1, maxLength: 64 }), { minLength: 1, maxLength: 4 }).map((groupIds) => ({ target: { kind: 'groups', groupIds } })));
    }
    if (!caps.from.agent) unsupported.push(fc.string({ minLength: 1, maxLength: 8 }).map((agentId) => ({ from: { agentId } })));
    if (!caps.presentedCli) unsupported.push(fc.stringMatching(/^[0-9]{1,12}$/).map((presentedCli) => ({ from: { presentedCli } })));
    if (caps.scheduling.delayUnit === null) unsupported.push(fc.constant({ schedule: { kind: 'in', amount: 1, unit: 'minutes' } }));
    if (!caps.scheduling.at) unsupported.push(fc.constant({ schedule: { kind: 'at', at: '2030-06-01T09:00:00Z' } }));
    if (caps.postDial.mode === 'none') unsupported.push(fc.constant({ target: { kind: 'phone', input: '5001', number: '5001', postDial: '1' } }));
    const byCapabilities = fc
      .record({ ...base, target: undialablePhone, refusal: fc.oneof(...unsupported) })
      .map(({ refusal, ...request }) => ({ ...request, ...refusal }));

    return fc.oneof(byAdapter, byCapabilities);
  });
}

function dataFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'logs') walk(full);
      } else {
        out[full] = statSync(full).mtimeMs;
      }
    }
  };
  walk(dir);
  return out;
}

describe('every contract channel, fuzzed through a real core signed in to the five emulators', () => {
  let live: LiveCore<Sandbox>;
  let sessionsBefore: Record<string, SessionStatus>;
  let filesBefore: Record<string, number>;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    live = await startLiveCore(await startSandbox(FAST_SANDBOX));
    sessionsBefore = await settledSessions(live);
    expect(new Set(Object.values(sessionsBefore))).toEqual(new Set(['signed-in']));
    live.clearRequests();
    live.events.length = 0;
    filesBefore = dataFiles(live.dataDir);
  });

  afterAll(async () => {
    await live.stop();
  });

  /** Sends one request and checks the invariants every bad input must keep. */
  async function send(channel: unknown, payload: unknown): Promise<Outcome<unknown>> {
    const outcome = await live.core.dispatch(channel, payload);
    if (!outcome.ok) {
      expect(AppErrorSchema.safeParse(outcome.error).success).toBe(true);
      expect(outcome.error.code).not.toBe('INTERNAL');
    }
    expect(live.vendorRequests()).toEqual([]);
    expect(live.events.filter((event) => event.type !== 'session.updated')).toEqual([]);
    return outcome;
  }

  it('answers a channel that does not exist with UNKNOWN_CHANNEL', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyValue.filter((channel) => !isChannel(channel)),
        anyValue,
        async (channel, payload) => {
          expect(await send(channel, payload)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers a malformed payload on every channel with INVALID_REQUEST and its JSON path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), anyValue, async (channel, payload) => {
        fc.pre(!CONTRACT[channel].request.safeParse(payload).success);
        const outcome = await send(channel, payload);
        expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path: expect.any(String) } });
      }),
      { numRuns: 400 },
    );
  });

  it('refuses near-valid payloads field by field, and well-formed ones naming nothing that exists', async () => {
    await fc.assert(
      fc.asyncProperty(nearValid, async ({ channel, payload }) => {
        const valid = CONTRACT[channel].request.safeParse(payload).success;
        fc.pre(valid ? READ_ONLY.has(channel) || channel in NAMES_NOTHING : true);
        const outcome = await send(channel, payload);
        if (!valid) expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
        else if (!READ_ONLY.has(channel)) expect(outcome.ok ? 'ok' : outcome.error.code).toBeOneOf([...REFUSALS]);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses dials a signed-in vendor cannot place, before anything is sent', async () => {
    const { profiles } = await live.bootstrap();
    const refusedWith = new Set<string>();
    await fc.assert(
      fc.asyncProperty(refusedDial(profiles), async (request) => {
        expect(CONTRACT['call.dial'].request.safeParse(request).success).toBe(true);
        const outcome = await send('call.dial', request);
        expect(outcome.ok ? 'placed' : outcome.error.code).toBeOneOf([...REFUSALS]);
        if (!outcome.ok) refusedWith.add(outcome.error.code);
      }),
      { numRuns: 200 },
    );
    // Both layers were reached: the adapters' own validation and the capability check.
    expect(refusedWith).toEqual(new Set(['VALIDATION', 'NOT_SUPPORTED', 'INVALID_REQUEST']));
  });

  it('leaves the core as it found it', async () => {
    const { calls, sessions } = await live.bootstrap();
    expect(calls).toEqual([]);
    expect(Object.fromEntries(sessions.map((session) => [session.profileId, session.status]))).toEqual(sessionsBefore);
    expect(dataFiles(live.dataDir)).toEqual(filesBefore);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    // Still serving: a real request after all that works.
    const outcome = await live.core.dispatch('call.hangup', { callId: randomUUID() });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('would have seen a request: a real dial reaches its emulator and is recorded', async () => {
    const outcome = await live.core.dispatch('call.dial', { profileId: 'genesys', intentId: randomUUID(), target: { kind: 'phone', input: '5001', number: '5001' } });
    expect(outcome.ok).toBe(true);
    expect(live.vendorRequests().map((request) => `${request.vendor} ${request.method}`)).toContain('genesys POST');
    expect(live.events.some((event) => event.type === 'call.updated')).toBe(true);
  });
});
