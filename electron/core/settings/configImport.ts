import { isDeepStrictEqual } from 'node:util';
import type { Profile } from '../../vendors/registry';
import type { AppConfig } from '../config/appConfig';
import { ConfigError } from '../config/configError';
import { parseConfig } from '../config/loadConfig';

export type ImportPlan =
  | {
      ok: true;
      /** Profiles to add or replace among the user's own. */
      profiles: Profile[];
      added: string[];
      replaced: string[];
      unchanged: string[];
      defaultCountry?: AppConfig['defaultCountry'];
      directory?: AppConfig['directory'];
    }
  | { ok: false; problems: string[] };

export interface ImportContext {
  provisioned: readonly Profile[];
  user: readonly Profile[];
  env: NodeJS.ProcessEnv;
}

/**
 * Reads an imported configuration file with the same loader as `--config` (so it is
 * refused, with JSON paths and reasons, whenever `--config` would refuse it) and plans what
 * changes: its profiles join the user's own, replacing any with the same id; a profile of
 * the provisioning may appear only unchanged. Fields the file leaves out keep their values.
 */
export function planImport(text: string, context: ImportContext): ImportPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON (${(error as Error).message})`] };
  }
  let config: AppConfig;
  try {
    config = parseConfig(raw, 'the imported file', context.env);
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problems: [...error.problems] };
    throw error;
  }

  const provisioned = new Map(context.provisioned.map((profile) => [profile.id, profile]));
  const userIds = new Set(context.user.map((profile) => profile.id));
  const problems: string[] = [];
  const profiles: Profile[] = [];
  const added: string[] = [];
  const replaced: string[] = [];
  const unchanged: string[] = [];
  config.profiles.forEach((profile, index) => {
    const fixed = provisioned.get(profile.id);
    if (fixed) {
      if (isDeepStrictEqual(fixed, profile)) unchanged.push(profile.id);
      else problems.push(`profiles[${index}].id: "${profile.id}" is a provisioned profile, read-only here; give the imported profile another id`);
      return;
    }
    profiles.push(profile);
    (userIds.has(profile.id) ? replaced : added).push(profile.id);
  });
  if (problems.length > 0) return { ok: false, problems };

  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    ok: true,
    profiles,
    added,
    replaced,
    unchanged,
    ...('defaultCountry' in given ? { defaultCountry: config.defaultCountry } : {}),
    ...('directory' in given ? { directory: config.directory } : {}),
  };
}
