import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { SecretCipher } from '../core/softphoneCore';

export type SafeStoragePort = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * Why secrets cannot be sealed on this machine, or undefined when they can. On Linux without a
 * keyring Electron reports the `basic_text` backend, whose key is a constant in Electron's
 * source: as good as plain text, so it counts as unavailable.
 */
export function safeStorageUnavailableReason(storage: SafeStoragePort, platform: NodeJS.Platform): string | undefined {
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') {
    return 'no system keyring (GNOME Keyring or KWallet) was found';
  }
  if (!storage.isEncryptionAvailable()) return "the operating system's secure storage is not available";
  return undefined;
}

/**
 * Seals entered secrets with Electron's safeStorage (Keychain, DPAPI, libsecret/KWallet).
 * Where that is unavailable it refuses, and says what to do instead; it never falls back to
 * storing plain text.
 */
export function createSafeStorageCipher(storage: SafeStoragePort, platform: NodeJS.Platform): SecretCipher {
  const refuse = (reason: string): AppError =>
    new AppError({
      code: 'NOT_SUPPORTED',
      message: `Entered secrets cannot be stored securely on this computer: ${reason}.`,
      hint: 'Reference the secret from the configuration file as { "env": "NAME" } instead, or set up the system keyring and restart the softphone.',
    });

  return {
    get description() {
      const reason = safeStorageUnavailableReason(storage, platform);
      return reason === undefined ? 'Electron safeStorage (OS keychain)' : `unavailable: ${reason}`;
    },
    encrypt(plain) {
      const reason = safeStorageUnavailableReason(storage, platform);
      if (reason !== undefined) throw refuse(reason);
      return storage.encryptString(plain);
    },
    decrypt(data) {
      const reason = safeStorageUnavailableReason(storage, platform);
      if (reason !== undefined) throw refuse(reason);
      try {
        return storage.decryptString(data);
      } catch {
        throw new AppError({
          code: 'INTERNAL',
          message: 'A stored secret could not be decrypted with this computer\'s keychain.',
          hint: 'Enter the secret again in Settings (the keychain may have been reset or the data copied from another computer).',
        });
      }
    },
  };
}
