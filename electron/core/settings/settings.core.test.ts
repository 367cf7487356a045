import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, Bootstrap } from '../../../shared/ipc/contract';
import type { SessionState } from '../../../shared/session';
import type { ConfigImportResult, ProfileSaveRequest, ProfileSaveResult, SettingsView } from '../../../shared/settings';
import { createGenesysEmulator, SANDBOX_USER, type GenesysEmulator } from '../../../sandbox/genesys';
import { AppConfigSchema } from '../config/appConfig';
import { parseConfig } from '../config/loadConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { encodings } from '../log/redact';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

const SECRET = 'Ez7#settings-only p@ss/word';
const SECOND_AGENT = { userName: 'agent7', password: SECRET, deviceId: '3f1c3f7e-4c55-4a0e-9b38-51c1a3f0f7a7', phoneNumber: '5007' };

describe('settings in the core (Genesys emulator)', () => {
  let emulator: GenesysEmulator;
  let url: string;
  let dataDir: string;
  let core: SoftphoneCore;
  let events: AppEvent[];
  /** Everything main answered or pushed, to prove no secret ever crosses the contract. */
  let sent: string[];

  beforeAll(async () => {
    emulator = createGenesysEmulator({ users: [{ ...SANDBOX_USER }, SECOND_AGENT], publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 });
    url = await emulator.listen(0);
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function start(): Promise<void> {
    core = await createCore({
      config: AppConfigSchema.parse({
        defaultCountry: 'GB',
        profiles: [{ id: 'gws', vendor: 'genesys', label: 'Provisioned GWS', baseUrl: url, username: 'agent1', password: { env: 'GWS_PASSWORD' } }],
      }),
      sandbox: false,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger({ file: join(dataDir, 'logs', 'softphone.log'), level: 'debug' }),
      signInAtStart: false,
      env: { GWS_PASSWORD: 'sandbox' },
    });
    events = [];
    core.onEvent((event) => {
      events.push(event);
      sent.push(JSON.stringify(event));
    });
  }

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const outcome = await core.dispatch(channel, payload);
    sent.push(JSON.stringify(outcome));
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { data: outcome.error });
    return outcome.value as T;
  }

  async function failure(channel: string, payload: unknown): Promise<{ code: string; message: string; path?: string; hint?: string }> {
    const outcome = await core.dispatch(channel, payload);
    if (outcome.ok) throw new Error(`${channel} succeeded`);
    return outcome.error;
  }

  const addMine = (secret = SECRET, values: Record<string, string> = {}): ProfileSaveRequest => ({
    mode: 'add',
    vendor: 'genesys',
    values: { id: 'mine', label: 'My GWS', baseUrl: url, username: 'agent7', ...values },
    secrets: { password: { action: 'set', value: secret } },
  });

  const profile = async (id: string) => (await call<SettingsView>('settings.get', {})).profiles.find((p) => p.id === id);

  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }

  function expectSecretNowhere(): void {
    const forms = encodings(SECRET);
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file).toString('latin1');
      for (const form of forms) expect(text.includes(form), `${file} holds the secret as ${form}`).toBe(false);
    }
    for (const message of sent) for (const form of forms) expect(message.includes(form)).toBe(false);
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'softphone-settings-'));
    sent = [];
    await start();
  });
  afterEach(async () => {
    await core.dispose();
  });

  it('adds a profile whose password is write-only, signs it in, and keeps the password only in the encrypted store', async () => {
    expect(await call<ProfileSaveResult>('settings.profile.save', addMine())).toEqual({ saved: true, profileId: 'mine' });
    expect(events.some((e) => e.type === 'settings.updated')).toBe(true);
    expect(await profile('mine')).toMatchObject({ origin: 'user', label: 'My GWS', secrets: [{ key: 'password', label: 'Password', source: 'stored' }] });
    expect((await call<Bootstrap>('app.bootstrap', {})).profiles.map((p) => p.id)).toEqual(['gws', 'mine']);

    const checked = await call<SessionState>('settings.profile.test', { profileId: 'mine' });
    expect(checked).toMatchObject({ profileId: 'mine', status: 'signed-in' });

    const onDisk = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as { profiles: Array<Record<string, unknown>> };
    expect(onDisk.profiles).toEqual([{ id: 'mine', label: 'My GWS', baseUrl: url, vendor: 'genesys', username: 'agent7', initialState: 'Ready' }]);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(statSync(join(dataDir, 'profiles.json')).mode & 0o777).toBe(0o600);
    const exported = await call<{ fileName: string; text: string }>('settings.export', {});
    expect(parseConfig(JSON.parse(exported.text), 'export', { GWS_PASSWORD: 'x' }).profiles.map((p) => p.id)).toEqual(['gws', 'mine']);
    expectSecretNowhere();

    await core.dispose();
    await start();
    expect(await profile('mine')).toMatchObject({ origin: 'user', secrets: [{ source: 'stored' }] });
    expect(await call<SessionState>('settings.profile.test', { profileId: 'mine' })).toMatchObject({ status: 'signed-in' });
    expectSecretNowhere();
  });

  it('shows the vendor’s words when the check fails, and replaces or clears the secret without ever showing it', async () => {
    await call('settings.profile.save', addMine('not-the-password'));
    const refused = await call<SessionState>('settings.profile.test', { profileId: 'mine' });
    expect(refused.status).toBe('error');
    expect(refused.error?.vendorMessage ?? refused.error?.message).toMatch(/Access denied/i);

    await call('settings.secret.set', { profileId: 'mine', field: 'password', change: { action: 'set', value: SECRET } });
    expect(events.at(-2)).toEqual({ type: 'session.updated', session: { profileId: 'mine', status: 'signed-out' } });
    expect(await call<SessionState>('settings.profile.test', { profileId: 'mine' })).toMatchObject({ status: 'signed-in' });

    await call('settings.secret.set', { profileId: 'mine', field: 'password', change: { action: 'clear' } });
    expect((await profile('mine'))?.secrets).toEqual([{ key: 'password', label: 'Password', source: 'none' }]);
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('mine.password');
    expectSecretNowhere();
  });

  it('answers per field, with path and reason, and writes nothing for an invalid profile', async () => {
    const result = await call<ProfileSaveResult>('settings.profile.save', { mode: 'add', vendor: 'genesys', values: { id: 'bad one', baseUrl: 'gws.example' }, secrets: { password: { action: 'set', value: SECRET } } });
    expect(result.saved).toBe(false);
    expect(result.saved ? [] : result.problems.map((p) => p.path)).toEqual(['id', 'baseUrl', 'username']);
    expect(existsSync(join(dataDir, 'profiles.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
    expect(await call<ProfileSaveResult>('settings.profile.save', addMine(SECRET, { id: 'gws' }))).toEqual({ saved: false, problems: [{ path: 'id', message: 'is the id of a provisioned profile; choose another' }] });
    expect(await failure('settings.profile.save', { ...addMine(), values: { id: 'x'.repeat(3000) } })).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('keeps provisioned profiles read-only and says where their secret comes from', async () => {
    expect(await profile('gws')).toMatchObject({ origin: 'provisioned', secrets: [{ key: 'password', source: 'env', env: 'GWS_PASSWORD' }] });
    expect(await failure('settings.profile.save', { ...addMine(), mode: 'edit', values: { id: 'gws', baseUrl: url, username: 'agent9' } })).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(await failure('settings.profile.remove', { profileId: 'gws' })).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(await failure('settings.secret.set', { profileId: 'gws', field: 'password', change: { action: 'clear' } })).toMatchObject({
      code: 'NOT_SUPPORTED',
      message: 'Password comes from the environment variable GWS_PASSWORD.',
    });
    expect(await failure('settings.secret.set', { profileId: 'gws', field: 'username', change: { action: 'clear' } })).toMatchObject({ code: 'VALIDATION' });
  });

  it('edits a profile into a fresh session, and refuses while it has a call in progress', async () => {
    await call('settings.profile.save', addMine());
    expect(await call<SessionState>('settings.profile.test', { profileId: 'mine' })).toMatchObject({ status: 'signed-in' });
    const signOuts = () => emulator.server.log.list('/api/v2/me').filter((r) => r.method === 'POST' && r.body.includes('EndContactCenterSession'));
    const before = signOuts().length;
    events.length = 0;
    await call('settings.profile.save', { mode: 'edit', vendor: 'genesys', values: { id: 'mine', label: 'Renamed', baseUrl: url, username: 'agent7' } });
    expect(signOuts()).toHaveLength(before + 1);
    expect(await profile('mine')).toMatchObject({ label: 'Renamed', secrets: [{ source: 'stored' }] });
    const statuses = () => events.flatMap((e) => (e.type === 'session.updated' && e.session.profileId === 'mine' ? [e.session.status] : []));
    await expect.poll(() => statuses().at(-1), { timeout: 10_000 }).toBe('signed-in');
    expect(statuses().indexOf('signed-out')).toBeLessThan(statuses().indexOf('signing-in'));

    const dialled = await call<{ callId: string }>('call.dial', { profileId: 'mine', intentId: randomUUID(), target: { kind: 'phone', input: '5001', number: '5001' } });
    await expect.poll(async () => (await profile('mine'))?.liveCalls, { timeout: 10_000 }).toBe(1);
    expect(await failure('settings.profile.save', { mode: 'edit', vendor: 'genesys', values: { id: 'mine', baseUrl: url, username: 'agent7' } })).toMatchObject({ code: 'NOT_SUPPORTED', hint: 'Change it when the calls have ended.' });
    expect(await failure('settings.profile.remove', { profileId: 'mine' })).toMatchObject({ code: 'NOT_SUPPORTED' });
    await expect.poll(() => events.some((e) => e.type === 'call.updated' && e.call.id === dialled.callId && e.call.state === 'connected'), { timeout: 10_000 }).toBe(true);
    await call('call.hangup', { callId: dialled.callId });
    await expect.poll(async () => (await profile('mine'))?.liveCalls, { timeout: 10_000 }).toBe(0);
  });

  it('removes a profile with its session and its stored secret', async () => {
    await call('settings.profile.save', addMine());
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).toContain('mine.password');
    await call('settings.profile.remove', { profileId: 'mine' });
    expect(await profile('mine')).toBeUndefined();
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('mine.password');
    expect((await call<Bootstrap>('app.bootstrap', {})).profiles.map((p) => p.id)).toEqual(['gws']);
    expect(await failure('call.dial', { profileId: 'mine', intentId: randomUUID(), target: { kind: 'phone', input: '5001', number: '5001' } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the default country and theme across restarts and feeds the country to the dialer’s bootstrap', async () => {
    await call('settings.preferences.set', { defaultCountry: 'fr', theme: 'dark' });
    expect((await call<Bootstrap>('app.bootstrap', {})).defaultCountry).toBe('FR');
    expect(await failure('settings.preferences.set', { defaultCountry: 'XX' })).toMatchObject({ code: 'VALIDATION', path: 'defaultCountry' });
    await core.dispose();
    await start();
    expect(await call<SettingsView>('settings.get', {})).toMatchObject({ defaultCountry: 'FR', theme: 'dark' });
    expect((await call<Bootstrap>('app.bootstrap', {})).defaultCountry).toBe('FR');
  });

  it('imports a configuration file with the --config loader: profiles join with their sessions, errors name the path', async () => {
    const bad = await call<ConfigImportResult>('settings.import', { text: JSON.stringify({ profiles: [{ id: 'imp', vendor: 'genesys', baseUrl: 'nope', username: 'agent7' }] }) });
    expect(bad).toEqual({ imported: false, problems: [expect.stringMatching(/^profiles\[0\]\.baseUrl: /)] });

    const file = {
      defaultCountry: 'DE',
      profiles: [{ id: 'imp', vendor: 'genesys', label: 'Imported', baseUrl: url, username: 'agent7' }],
      directory: { agents: [{ id: '7777', name: 'Imported Agent' }], groups: [] },
    };
    expect(await call<ConfigImportResult>('settings.import', { text: JSON.stringify(file) })).toEqual({ imported: true, added: ['imp'], replaced: [], unchanged: [], defaultCountry: 'DE' });
    expect(await profile('imp')).toMatchObject({ origin: 'user', secrets: [{ source: 'none' }] });
    const bootstrap = await call<Bootstrap>('app.bootstrap', {});
    expect(bootstrap.profiles.map((p) => p.id)).toEqual(['gws', 'imp']);
    expect(bootstrap.defaultCountry).toBe('DE');

    await call('settings.secret.set', { profileId: 'imp', field: 'password', change: { action: 'set', value: SECRET } });
    expect(await call<SessionState>('settings.profile.test', { profileId: 'imp' })).toMatchObject({ status: 'signed-in' });
    const exported = JSON.parse((await call<{ text: string }>('settings.export', {})).text) as { directory: { agents: unknown[] } };
    expect(exported.directory.agents).toEqual([{ id: '7777', name: 'Imported Agent' }]);
    expectSecretNowhere();
  });
});
