import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { formatJsonPath } from '../../../shared/jsonPath';
import { ProfileSchema, type Profile } from '../../vendors/registry';
import { writeFileAtomic } from '../storage/atomicFile';

const UserProfilesFileSchema = z.object({ profiles: z.array(z.unknown()) });

export interface LoadedUserProfiles {
  profiles: Profile[];
  /** Entries that could not be used, as `profiles.json: path: reason`; they are left out, never half-loaded. */
  problems: string[];
}

/**
 * The profiles added in Settings: `profiles.json` in the data dir, in the config file's
 * profile format. Secrets are never in it: a secret field holds at most an `{ "env": NAME }`
 * reference, and values entered in Settings live in the encrypted secret store.
 */
export class UserProfileFile {
  constructor(private readonly path: string) {}

  load(): LoadedUserProfiles {
    if (!existsSync(this.path)) return { profiles: [], problems: [] };
    const name = 'profiles.json';
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      return { profiles: [], problems: [`${name}: (file): not readable as JSON (${(error as Error).message})`] };
    }
    const file = UserProfilesFileSchema.safeParse(raw);
    if (!file.success) return { profiles: [], problems: [`${name}: (top level): expected { "profiles": [...] }`] };
    const profiles: Profile[] = [];
    const problems: string[] = [];
    file.data.profiles.forEach((candidate, index) => {
      const parsed = ProfileSchema.safeParse(candidate);
      if (parsed.success) profiles.push(parsed.data);
      else for (const issue of parsed.error.issues) problems.push(`${name}: ${formatJsonPath(['profiles', index, ...issue.path])}: ${issue.message}`);
    });
    return { profiles, problems };
  }

  /** Replaces the file atomically (temp file, fsync, rename). */
  save(profiles: readonly Profile[]): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.path, `${JSON.stringify({ profiles }, null, 2)}\n`, 0o600);
  }
}
