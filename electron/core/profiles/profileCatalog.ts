import { VENDOR_LABELS } from '../../../shared/callModel';
import type { Profile } from '../../vendors/registry';
import type { UserProfileFile } from './userProfileFile';

export type ProfileOrigin = 'provisioned' | 'user';

/**
 * How provisioned and user profiles combine: the provisioning (the `--config` file, or the
 * sandbox) comes first and is read-only in the app; the user's own profiles (`profiles.json`)
 * come after it. An id belongs to the provisioning when both use it: a user profile with a
 * provisioned id is left out at start and refused when saved.
 */
export const PROVISIONING_RULE =
  'Profiles from the configuration file are read-only here: change them in that file. Profiles you add here are kept in this computer’s data folder and come after them; an id the configuration file uses always means its profile.';

export const SANDBOX_RULE =
  'The sandbox profiles are built in and read-only. Profiles you add here are kept in this computer’s data folder and come after them.';

export class ProfileCatalog {
  private readonly provisioned: ReadonlyMap<string, Profile>;
  private readonly user = new Map<string, Profile>();
  readonly problems: string[];

  constructor(
    provisioned: readonly Profile[],
    private readonly file: UserProfileFile,
  ) {
    this.provisioned = new Map(provisioned.map((profile) => [profile.id, profile]));
    const loaded = file.load();
    this.problems = [...loaded.problems];
    for (const profile of loaded.profiles) {
      if (this.provisioned.has(profile.id)) {
        this.problems.push(`profiles.json: profile "${profile.id}" is left out: the configuration file has a profile with that id`);
      } else {
        this.user.set(profile.id, profile);
      }
    }
  }

  all(): Profile[] {
    return [...this.provisioned.values(), ...this.user.values()];
  }

  provisionedProfiles(): Profile[] {
    return [...this.provisioned.values()];
  }

  userProfiles(): Profile[] {
    return [...this.user.values()];
  }

  get(id: string): Profile | undefined {
    return this.provisioned.get(id) ?? this.user.get(id);
  }

  /** The name the app shows for a profile. */
  label(id: string): string | undefined {
    const profile = this.get(id);
    return profile ? profileLabel(profile) : undefined;
  }

  origin(id: string): ProfileOrigin | undefined {
    if (this.provisioned.has(id)) return 'provisioned';
    return this.user.has(id) ? 'user' : undefined;
  }

  /** Adds or replaces user profiles and writes the file; refuses provisioned ids. */
  putUser(profiles: readonly Profile[]): void {
    for (const profile of profiles) {
      if (this.provisioned.has(profile.id)) throw new Error(`profile "${profile.id}" is provisioned`);
    }
    const next = new Map(this.user);
    for (const profile of profiles) next.set(profile.id, profile);
    this.file.save([...next.values()]);
    this.replace(next);
  }

  removeUser(id: string): void {
    if (!this.user.has(id)) return;
    const next = new Map(this.user);
    next.delete(id);
    this.file.save([...next.values()]);
    this.replace(next);
  }

  private replace(next: Map<string, Profile>): void {
    this.user.clear();
    for (const [id, profile] of next) this.user.set(id, profile);
  }
}

export function profileLabel(profile: Profile): string {
  return profile.label ?? `${VENDOR_LABELS[profile.vendor]} (${profile.id})`;
}
