import type { z } from 'zod';
import type { AdapterHost, SecretReader, VendorAdapter } from './adapter';

export interface AdapterDeps {
  host: AdapterHost;
  /** Reads a secret field of this profile (e.g. `password`) at the moment it is needed. */
  secrets: SecretReader;
}

/** What each vendor folder exports: its profile schema, which fields are secrets, and a factory. */
export interface VendorModule<P extends { vendor: string; id: string }> {
  profileSchema: z.ZodType<P>;
  secretFields: readonly string[];
  create(profile: P, deps: AdapterDeps): VendorAdapter;
}
