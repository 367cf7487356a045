import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretCipher } from '../softphoneCore';
import { writeFileAtomic } from '../storage/atomicFile';

const StoreFileSchema = z.record(z.string(), z.string());

/**
 * Secrets entered in Settings, sealed by the platform cipher and written atomically. The
 * file holds only ciphertext (base64). Sandbox credentials live in memory and are never written.
 */
export class SecretStore {
  private readonly sealed = new Map<string, string>();
  private readonly ephemeral = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {
    if (existsSync(file)) {
      const parsed = StoreFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) for (const [key, value] of Object.entries(parsed.data)) this.sealed.set(key, value);
    }
  }

  static key(profileId: string, field: string): string {
    return `${profileId}.${field}`;
  }

  get(key: string): string | undefined {
    const memory = this.ephemeral.get(key);
    if (memory !== undefined) return memory;
    const sealed = this.sealed.get(key);
    return sealed === undefined ? undefined : this.cipher.decrypt(Buffer.from(sealed, 'base64'));
  }

  has(key: string): boolean {
    return this.ephemeral.has(key) || this.sealed.has(key);
  }

  set(key: string, value: string): void {
    this.sealed.set(key, this.cipher.encrypt(value).toString('base64'));
    this.persist();
  }

  delete(key: string): void {
    if (this.sealed.delete(key)) this.persist();
    this.ephemeral.delete(key);
  }

  /** For sandbox profiles: known to the process, never persisted. */
  setEphemeral(key: string, value: string): void {
    this.ephemeral.set(key, value);
  }

  private persist(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.sealed)), 0o600);
  }
}
