import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from '../softphoneCore';
import { writeFileAtomic } from '../storage/atomicFile';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Outside Electron there is no OS keychain: secrets are sealed with AES-256-GCM under a
 * random key kept in a file only the user can read (mode 0600).
 */
export function createAesGcmFileCipher(keyFile: string): SecretCipher {
  const key = loadOrCreateKey(keyFile);
  return {
    description: `AES-256-GCM, key in ${keyFile} (mode 0600)`,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const iv = data.subarray(0, IV_BYTES);
      const tag = data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (existsSync(keyFile)) {
    if ((statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
    const key = readFileSync(keyFile);
    if (key.length !== 32) throw new Error(`${keyFile} is not a 32-byte key; remove it to start over (stored secrets will be lost)`);
    return key;
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileAtomic(keyFile, key, 0o600);
  return key;
}
