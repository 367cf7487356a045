import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDORS, isFinalState, type CallRecord, type CallTarget, type Vendor } from '../../../shared/callModel';
import type { Outcome } from '../../../shared/ipc/contract';
import { startSecretSandbox, type SecretSandbox } from '../../../e2e/secretSandbox';
import { filesUnder, findSecrets, secretsSentToVendors, type Secret } from '../../../e2e/secretScan';
import { AppConfigSchema } from '../config/appConfig';
import { settledSessions, startLiveCore, type LiveCore } from '../testing/liveCore';

/**
 * The core's half of the secret-leak check (the browser e2e suite does the whole app): every
 * vendor's journey runs with distinctive secrets read from `{ "env": NAME }` references, and
 * no secret, configured or issued by a vendor at run time, appears in anything the core sends
 * the renderer, in the log, or in any file it wrote. Each secret the core reads is registered
 * with the log's scrubber, so even a careless log line cannot carry it.
 */

const TARGETS: Record<Vendor, CallTarget> = {
  genesys: { kind: 'phone', input: '5001', number: '5001' },
  huawei: { kind: 'phone', input: '70092', number: '70092' },
  vonage: { kind: 'phone', input: '020 7206 8888', number: '+442072068888' },
  iovox: { kind: 'phone', input: '+44 9789 123123', number: '+449789123123' },
  oracle: { kind: 'phone', input: '+1 202 634 5780', number: '+12026345780' },
};

describe('no secret leaves the core', () => {
  let setup: SecretSandbox;
  let live: LiveCore<SecretSandbox['sandbox']>;
  /** Everything the core answered: what a renderer would have received. */
  const answers: Array<Outcome<unknown>> = [];

  const send = async (channel: string, payload: unknown): Promise<Outcome<unknown>> => {
    const outcome = await live.core.dispatch(channel, payload);
    answers.push(outcome);
    return outcome;
  };
  const latest = (callId: string): CallRecord | undefined =>
    live.events.flatMap((event) => (event.type === 'call.updated' && event.call.id === callId ? [event.call] : [])).at(-1);

  beforeAll(async () => {
    setup = await startSecretSandbox();
    live = await startLiveCore(setup.sandbox, { config: () => AppConfigSchema.parse(setup.config), env: setup.env });
    const sessions = await settledSessions(live);
    expect(sessions).toEqual({ gws: 'signed-in', hw: 'signed-in', vcc: 'signed-in', iovox: 'signed-in', oracle: 'signed-in' });
    answers.push(await live.core.dispatch('app.bootstrap', {}));
  });

  afterAll(async () => {
    await live.stop();
    await setup.stop();
  });

  it.each(VENDORS.map((vendor) => [vendor]))('runs the %s journey: directory, dial, follow, hang up', async (vendor) => {
    const profileId = setup.config.profiles.find((profile) => profile.vendor === vendor)?.id ?? '';
    expect((await send('directory.get', { profileId })).ok).toBe(true);
    const outcome = await send('call.dial', { profileId, intentId: randomUUID(), target: TARGETS[vendor] });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    const callId = outcome.ok ? (outcome.value as { callId: string }).callId : '';
    await expect.poll(() => latest(callId)?.state, { timeout: 10_000 }).toBeOneOf(['dialing', 'ringing', 'connected', 'accepted', 'ended', 'failed']);
    if (latest(callId)?.actions.includes('hangup')) {
      expect((await send('call.hangup', { callId })).ok).toBe(true);
      await expect.poll(() => isFinalState(latest(callId)?.state ?? 'requested'), { timeout: 10_000 }).toBe(true);
    }
  });

  it('keeps a secret entered in Settings encrypted at rest, and uses it', async () => {
    const saved = await send('settings.profile.save', {
      mode: 'add',
      vendor: 'iovox',
      values: { id: 'entered', label: 'IOVOX (entered)', baseUrl: setup.sandbox.urls.iovox, username: setup.enteredAccount.username, linkId: 'link123' },
      secrets: { secureKey: { action: 'set', value: setup.enteredAccount.secureKey } },
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: true } });
    expect(await send('session.signIn', { profileId: 'entered' })).toMatchObject({ ok: true, value: { status: 'signed-in' } });
    const outcome = await send('call.dial', { profileId: 'entered', intentId: randomUUID(), target: TARGETS.iovox });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    const stored = filesUnder(live.dataDir).find((file) => file.where === 'secrets.json');
    expect(stored?.text).toContain('entered.secureKey');
    answers.push(await live.core.dispatch('settings.get', {}), await live.core.dispatch('settings.export', {}));
  });

  it('leaks no secret to the renderer, the log or the data folder', async () => {
    live.core.resume();
    answers.push(await live.core.dispatch('app.bootstrap', {}));
    for (const { id } of setup.config.profiles) answers.push(await live.core.dispatch('session.signOut', { profileId: id }));
    // A careless line with every secret the core read: the scrubber knows each one.
    const read = setup.secrets.filter((secret) => secret.partOf === undefined);
    expect(read).toHaveLength(Object.keys(setup.env).length + 1);
    for (const secret of read) live.log.warn('probe', { note: secret.value, encoded: encodeURIComponent(secret.value) });

    const issued: Secret[] = VENDORS.flatMap((vendor) => secretsSentToVendors(vendor, live.sandbox.emulators[vendor].server.log.list()));
    expect(issued.map((secret) => secret.name)).toEqual(
      expect.arrayContaining(['genesys Basic credentials', 'genesys cookie JSESSIONID', 'huawei guid', 'vonage Bearer credentials', 'iovox securekey']),
    );
    const haystacks = [
      { where: 'answers to the renderer', text: JSON.stringify(answers) },
      { where: 'events to the renderer', text: JSON.stringify(live.events) },
      ...filesUnder(live.dataDir),
    ];
    expect(haystacks.some((haystack) => haystack.where.endsWith('softphone.log'))).toBe(true);
    expect(findSecrets(haystacks, [...setup.secrets, ...issued])).toEqual([]);
  });
});
