import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { formatJsonPath } from '../../../shared/jsonPath';
import { ThemeSchema } from '../../../shared/settings';
import { ShortcutOverridesSchema } from '../../../shared/shortcuts/shortcutActions';
import { writeFileAtomic } from '../storage/atomicFile';

const EntrySchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(128) }).strict();

export const CountrySchema = z.string().refine((value) => isSupportedCountry(value), 'must be an ISO 3166 country code such as GB or US');

/** What the user changed in Settings besides profiles: `settings.json` in the data dir. */
export const StoredPreferencesSchema = z
  .object({
    defaultCountry: CountrySchema.optional(),
    theme: ThemeSchema.optional(),
    /** Directory entries that came with an imported configuration file. */
    directory: z.object({ agents: z.array(EntrySchema), groups: z.array(EntrySchema) }).strict().optional(),
    /** Shortcuts whose keys the user changed; the others keep the defaults. */
    shortcuts: ShortcutOverridesSchema.optional(),
    notifications: z.boolean().optional(),
  })
  .strict();
export type StoredPreferences = z.infer<typeof StoredPreferencesSchema>;

export interface LoadedPreferences {
  preferences: StoredPreferences;
  problems: string[];
}

export class PreferencesFile {
  constructor(private readonly path: string) {}

  load(): LoadedPreferences {
    if (!existsSync(this.path)) return { preferences: {}, problems: [] };
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      return { preferences: {}, problems: [`settings.json: (file): not readable as JSON (${(error as Error).message})`] };
    }
    const parsed = StoredPreferencesSchema.safeParse(raw);
    if (parsed.success) return { preferences: parsed.data, problems: [] };
    return {
      preferences: {},
      problems: parsed.error.issues.map((issue) => `settings.json: ${formatJsonPath(issue.path)}: ${issue.message}`),
    };
  }

  /** Replaces the file atomically (temp file, fsync, rename). */
  save(preferences: StoredPreferences): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.path, `${JSON.stringify(preferences, null, 2)}\n`, 0o600);
  }
}
