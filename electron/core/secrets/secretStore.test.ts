import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAesGcmFileCipher } from './aesGcmFileCipher';
import { SecretStore } from './secretStore';

describe('secret store (AES-GCM file cipher)', () => {
  it('stores entered secrets encrypted, readable only with the 0600 key file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-secrets-'));
    const cipher = createAesGcmFileCipher(join(dir, 'secret.key'));
    const store = new SecretStore(join(dir, 'secrets.json'), cipher);
    store.set('gws.password', 'correct horse battery staple');

    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('correct horse');
    expect(onDisk).not.toContain(Buffer.from('correct horse battery staple').toString('base64'));
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);

    const reopened = new SecretStore(join(dir, 'secrets.json'), createAesGcmFileCipher(join(dir, 'secret.key')));
    expect(reopened.get('gws.password')).toBe('correct horse battery staple');
  });

  it('refuses ciphertext that was tampered with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-secrets-'));
    const cipher = createAesGcmFileCipher(join(dir, 'secret.key'));
    const sealed = cipher.encrypt('token');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0xff;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });

  it('never writes ephemeral (sandbox) secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-secrets-'));
    const store = new SecretStore(join(dir, 'secrets.json'), createAesGcmFileCipher(join(dir, 'secret.key')));
    store.setEphemeral('genesys.password', 'sandbox-only');
    expect(store.get('genesys.password')).toBe('sandbox-only');
    expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
  });
});
