import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

/** Favourites need no vendor: the profiles point at a closed port and are never signed in. */
const UNUSED_URL = 'http://127.0.0.1:9';

describe('favourites through the core', () => {
  let dataDir: string;
  let core: SoftphoneCore;

  const startCore = async (): Promise<SoftphoneCore> => {
    const { config, ephemeralSecrets } = sandboxConfig({ genesys: UNUSED_URL, huawei: UNUSED_URL, vonage: UNUSED_URL, iovox: UNUSED_URL, oracle: UNUSED_URL });
    return createCore({ config, sandbox: true, dataDir, cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')), log: createLogger(), ephemeralSecrets, signInAtStart: false, env: {} });
  };
  const set = (kind: 'agents' | 'groups', id: string, favourite: boolean, profileId = 'vonage') => core.dispatch('directory.setFavourite', { profileId, kind, id, favourite });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'softphone-favourites-'));
    core = await startCore();
  });
  afterEach(async () => {
    await core.dispose();
  });

  it('starts empty, keeps the order favourites were added in, and removes them', async () => {
    expect(await core.dispatch('directory.getFavourites', { profileId: 'vonage' })).toEqual({ ok: true, value: { agents: [], groups: [] } });
    await set('agents', '4567', true);
    await set('agents', '1234', true);
    await set('groups', '030', true);
    expect(await set('agents', '4567', true)).toEqual({ ok: true, value: { agents: ['1234', '4567'], groups: ['030'] } });
    expect(await set('agents', '1234', false)).toEqual({ ok: true, value: { agents: ['4567'], groups: ['030'] } });
  });

  it('keeps favourites per profile, on disk, across a restart', async () => {
    await set('agents', '4567', true);
    await set('agents', '40040', true, 'huawei');
    await core.dispose();
    core = await startCore();
    expect(await core.dispatch('directory.getFavourites', { profileId: 'vonage' })).toEqual({ ok: true, value: { agents: ['4567'], groups: [] } });
    expect(await core.dispatch('directory.getFavourites', { profileId: 'huawei' })).toEqual({ ok: true, value: { agents: ['40040'], groups: [] } });
    expect(JSON.parse(readFileSync(join(dataDir, 'favourites.json'), 'utf8'))).toEqual({ vonage: { agents: ['4567'], groups: [] }, huawei: { agents: ['40040'], groups: [] } });
  });

  it('refuses an unknown profile and a malformed change, and writes nothing', async () => {
    expect(await set('agents', '4567', true, 'nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('directory.setFavourite', { profileId: 'vonage', kind: 'skills', id: '25', favourite: true })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path: 'kind' } });
    expect(await core.dispatch('directory.setFavourite', { profileId: 'vonage', kind: 'agents', id: '', favourite: true })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path: 'id' } });
    expect(() => readFileSync(join(dataDir, 'favourites.json'))).toThrow();
  });

  it('caps the list at 200 per kind', async () => {
    const full = Array.from({ length: 200 }, (_, index) => `a${index}`);
    writeFileSync(join(dataDir, 'favourites.json'), JSON.stringify({ vonage: { agents: full, groups: [] } }));
    await core.dispose();
    core = await startCore();
    expect(await set('agents', 'one-too-many', true)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'A profile can have at most 200 favourite agents.' } });
    expect(await set('agents', 'a0', true)).toMatchObject({ ok: true });
  });

  it('starts without favourites when the file is unreadable, and replaces it on the next change', async () => {
    writeFileSync(join(dataDir, 'favourites.json'), '{"vonage": {"agents": 12}}');
    await core.dispose();
    core = await startCore();
    expect(await core.dispatch('directory.getFavourites', { profileId: 'vonage' })).toEqual({ ok: true, value: { agents: [], groups: [] } });
    expect(await set('groups', '200', true)).toEqual({ ok: true, value: { agents: [], groups: ['200'] } });
  });
});
