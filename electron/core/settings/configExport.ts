import type { Profile } from '../../vendors/registry';
import type { AppConfig, AppConfigInput } from '../config/appConfig';
import { envRefOf, secretFieldsForVendor } from '../profiles/vendorProfiles';

export const EXPORT_FILE_NAME = 'softphone-config.json';

/**
 * The configuration as a file for `--config` or for import elsewhere, without secrets: a
 * secret field keeps only its `{ "env": NAME }` reference (a name, not a secret); values
 * entered in Settings stay in this computer's encrypted store and are left out.
 */
export function exportConfig(config: Pick<AppConfig, 'defaultCountry' | 'directory'>, profiles: readonly Profile[]): string {
  const file: AppConfigInput = {
    defaultCountry: config.defaultCountry,
    profiles: profiles.map(withoutSecretValues),
    directory: config.directory,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function withoutSecretValues(profile: Profile): Profile {
  const copy: Record<string, unknown> = { ...profile };
  for (const field of secretFieldsForVendor(profile.vendor)) {
    const env = envRefOf(profile, field);
    if (env) copy[field] = { env };
    else delete copy[field];
  }
  return copy as Profile;
}
