import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createSafeStorageCipher, safeStorageUnavailableReason, type SafeStoragePort } from './safeStorageCipher';

type Backend = ReturnType<SafeStoragePort['getSelectedStorageBackend']>;

/** Stands in for Electron's safeStorage, which needs the Electron runtime; records what it sealed. */
function fakeSafeStorage(available: boolean, backend: Backend = 'gnome_libsecret') {
  const sealed: string[] = [];
  const storage: SafeStoragePort = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      sealed.push(plain);
      return Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`);
    },
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
    },
  };
  return { storage, sealed };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('createSafeStorageCipher', () => {
  it('seals with safeStorage and opens what it sealed', () => {
    const { storage, sealed } = fakeSafeStorage(true);
    const cipher = createSafeStorageCipher(storage, 'linux');
    const data = cipher.encrypt('s3cr3t-password');
    expect(data.toString()).not.toContain('s3cr3t-password');
    expect(cipher.decrypt(data)).toBe('s3cr3t-password');
    expect(sealed).toEqual(['s3cr3t-password']);
    expect(cipher.description).toBe('Electron safeStorage (OS keychain)');
  });

  it('refuses to store a secret when encryption is unavailable, and never hands it to safeStorage', () => {
    const { storage, sealed } = fakeSafeStorage(false);
    const cipher = createSafeStorageCipher(storage, 'darwin');
    const error = thrown(() => cipher.encrypt('s3cr3t-password'));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_SUPPORTED');
    expect((error as AppError).message).toMatch(/cannot be stored securely/);
    expect((error as AppError).hint).toMatch(/\{ "env": "NAME" \}/);
    expect(sealed).toEqual([]);
    expect(cipher.description).toMatch(/^unavailable: /);
  });

  it("treats Linux's basic_text backend (a hard-coded key) as unavailable", () => {
    const { storage, sealed } = fakeSafeStorage(true, 'basic_text');
    const cipher = createSafeStorageCipher(storage, 'linux');
    const error = thrown(() => cipher.encrypt('s3cr3t-password'));
    expect((error as AppError).message).toMatch(/no system keyring/);
    expect(sealed).toEqual([]);
  });

  it('reports data it cannot decrypt as a clear error, without the ciphertext', () => {
    const { storage } = fakeSafeStorage(true);
    const cipher = createSafeStorageCipher(storage, 'win32');
    const error = thrown(() => cipher.decrypt(Buffer.from('garbage')));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).hint).toMatch(/Enter the secret again/);
    expect((error as AppError).message).not.toContain('garbage');
  });
});

describe('safeStorageUnavailableReason', () => {
  it.each<[string, boolean, Backend, NodeJS.Platform, boolean]>([
    ['available keychain on macOS', true, 'unknown', 'darwin', false],
    ['available DPAPI on Windows', true, 'unknown', 'win32', false],
    ['libsecret on Linux', true, 'gnome_libsecret', 'linux', false],
    ['kwallet5 on Linux', true, 'kwallet5', 'linux', false],
    ['basic_text on Linux', true, 'basic_text', 'linux', true],
    ['no encryption on Linux', false, 'gnome_libsecret', 'linux', true],
    ['no keychain on macOS', false, 'unknown', 'darwin', true],
  ])('%s', (_name, available, backend, platform, unavailable) => {
    const { storage } = fakeSafeStorage(available, backend);
    expect(safeStorageUnavailableReason(storage, platform) !== undefined).toBe(unavailable);
  });
});
