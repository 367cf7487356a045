import { setTimeout as delay } from 'node:timers/promises';
import { VENDOR_LABELS } from '../../../shared/callModel';
import { AppError } from '../../../shared/errors';
import type { AppEvent } from '../../../shared/ipc/contract';
import type { SessionState } from '../../../shared/session';
import { checkBindings, firstProblem, overridesOf, resolveBindings } from '../../../shared/shortcuts/bindingRules';
import { GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER } from '../../../shared/shortcuts/globalShortcutStatus';
import { SHORTCUTS } from '../../../shared/shortcuts/shortcutActions';
import type {
  ConfigImportResult,
  FieldValue,
  Preferences,
  ProfileSaveRequest,
  ProfileSaveResult,
  SecretChange,
  SecretStatus,
  SettingsProfile,
  SettingsView,
} from '../../../shared/settings';
import type { Logger } from '../../vendors/adapter';
import type { Profile } from '../../vendors/registry';
import type { AppConfig } from '../config/appConfig';
import { PROVISIONING_RULE, SANDBOX_RULE, profileLabel, type ProfileCatalog } from '../profiles/profileCatalog';
import { envRefOf, secretFieldsForVendor } from '../profiles/vendorProfiles';
import { SecretStore } from '../secrets/secretStore';
import type { SessionDirectory } from '../sessions/sessionDirectory';
import { EXPORT_FILE_NAME, exportConfig } from './configExport';
import { planImport } from './configImport';
import { CountrySchema, type PreferencesFile, type StoredPreferences } from './preferencesFile';
import type { GlobalShortcutFeed } from './globalShortcutFeed';
import { buildProfile } from './profileDraft';
import { allVendorForms, fieldLabel } from './vendorForms';

/** How long a changed or removed profile's sign-out may take before its session is dropped anyway. */
const SIGN_OUT_WAIT_MS = 3_000;

export interface SettingsServiceDeps {
  /** The provisioning: the `--config` file or the sandbox's. */
  provisioned: AppConfig;
  sandbox: boolean;
  catalog: ProfileCatalog;
  preferencesFile: PreferencesFile;
  secrets: SecretStore;
  sessions: SessionDirectory;
  liveCalls(profileId: string): number;
  publish(event: AppEvent): void;
  env: NodeJS.ProcessEnv;
  /** Records what changed (profile ids and field names, never values). */
  log: Logger;
  /** The desktop app's global shortcuts as main registered them; absent in the browser shell. */
  globalShortcuts?: GlobalShortcutFeed;
}

/**
 * Everything Settings changes: the user's profiles (recreating their sessions), their
 * secrets (write-only), the default country, the theme, and import/export of the
 * configuration file without secrets.
 */
export class SettingsService {
  private preferences: StoredPreferences;
  private readonly problems: string[];
  /** The configuration as the rest of the core reads it, with the user's changes applied. */
  readonly effectiveConfig: AppConfig;

  constructor(private readonly deps: SettingsServiceDeps) {
    const loaded = deps.preferencesFile.load();
    this.preferences = loaded.preferences;
    this.problems = [...deps.catalog.problems, ...loaded.problems];
    const defaultCountry = (): AppConfig['defaultCountry'] => this.defaultCountry();
    const directory = (): AppConfig['directory'] => this.directory();
    this.effectiveConfig = {
      get defaultCountry() {
        return defaultCountry();
      },
      get directory() {
        return directory();
      },
      get profiles() {
        return deps.catalog.all();
      },
    };
    deps.globalShortcuts?.onChange(() => deps.publish({ type: 'settings.updated' }));
  }

  view(): SettingsView {
    const { catalog, sandbox } = this.deps;
    return {
      sandbox,
      provisioning: sandbox ? SANDBOX_RULE : PROVISIONING_RULE,
      defaultCountry: this.defaultCountry(),
      theme: this.preferences.theme ?? 'system',
      profiles: catalog.all().map((profile) => this.describe(profile)),
      forms: allVendorForms(),
      problems: this.problems,
      shortcuts: resolveBindings(this.preferences.shortcuts),
      globalShortcuts: this.deps.globalShortcuts?.current() ?? GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER,
      notifications: this.preferences.notifications ?? true,
    };
  }

  async saveProfile(request: ProfileSaveRequest): Promise<ProfileSaveResult> {
    const { catalog } = this.deps;
    const id = typeof request.values.id === 'string' ? request.values.id.trim() : '';
    const origin = catalog.origin(id);
    if (request.mode === 'add' && origin) {
      const message = origin === 'provisioned' ? 'is the id of a provisioned profile; choose another' : 'is already the id of another profile; choose another';
      return { saved: false, problems: [{ path: 'id', message }] };
    }
    if (request.mode === 'edit') {
      if (origin === undefined) throw new AppError({ code: 'NOT_FOUND', message: `There is no profile "${id}".` });
      if (origin === 'provisioned') throw this.readOnly(id);
      this.refuseWhileCallsLive(id);
    }
    const draft = buildProfile(request, request.mode === 'edit' ? catalog.get(id) : undefined);
    if (!draft.ok) return { saved: false, problems: draft.problems };

    // The old session signs out with the old fields and secrets, before anything changes.
    const resume = await this.retireSession(draft.profile.id);
    catalog.putUser([draft.profile]);
    for (const [field, change] of Object.entries(request.secrets ?? {})) this.applySecret(draft.profile.id, field, change);
    this.startSession(draft.profile, resume);
    this.deps.log.info(request.mode === 'add' ? 'profile added in Settings' : 'profile edited in Settings', {
      profileId: draft.profile.id,
      secretsEntered: Object.keys(request.secrets ?? {}),
    });
    this.deps.publish({ type: 'settings.updated' });
    return { saved: true, profileId: draft.profile.id };
  }

  async removeProfile(profileId: string): Promise<void> {
    const { catalog } = this.deps;
    const profile = this.profileOrThrow(profileId);
    if (catalog.origin(profileId) === 'provisioned') throw this.readOnly(profileId);
    this.refuseWhileCallsLive(profileId);
    await this.retireSession(profileId);
    catalog.removeUser(profileId);
    for (const field of secretFieldsForVendor(profile.vendor)) this.deps.secrets.delete(SecretStore.key(profileId, field));
    this.deps.log.info('profile removed in Settings', { profileId });
    this.deps.publish({ type: 'settings.updated' });
  }

  /** "Sign in and check": signs the profile in now (a signed-in profile has already been checked). */
  async testProfile(profileId: string): Promise<SessionState> {
    this.profileOrThrow(profileId);
    const session = this.deps.sessions.get(profileId);
    if (session.current.status === 'signed-in') return session.current;
    return session.signIn();
  }

  async setSecret(profileId: string, field: string, change: SecretChange): Promise<void> {
    const profile = this.profileOrThrow(profileId);
    const status = this.secretStatus(profile, field);
    if (!status) throw new AppError({ code: 'VALIDATION', message: `${fieldLabel(field)} is not a secret of ${VENDOR_LABELS[profile.vendor]} profiles.`, path: 'field' });
    if (status.source === 'built-in') throw new AppError({ code: 'NOT_SUPPORTED', message: 'The sandbox profiles use built-in accounts.' });
    if (status.source === 'env') {
      throw new AppError({
        code: 'NOT_SUPPORTED',
        message: `${status.label} comes from the environment variable ${status.env ?? ''}.`,
        hint: 'Change that variable, or the configuration file, and restart the softphone.',
      });
    }
    this.refuseWhileCallsLive(profileId);
    const resume = await this.retireSession(profileId);
    this.applySecret(profileId, field, change);
    this.startSession(profile, resume);
    this.deps.log.info(change.action === 'set' ? 'secret replaced in Settings' : 'secret cleared in Settings', { profileId, field });
    this.deps.publish({ type: 'settings.updated' });
  }

  setPreferences(change: Preferences): void {
    // Checked before anything changes: a refused change leaves every preference as it was.
    const shortcuts = change.shortcuts !== undefined ? this.checkedShortcuts(change.shortcuts) : undefined;
    if (change.defaultCountry !== undefined) {
      const country = CountrySchema.safeParse(change.defaultCountry.toUpperCase());
      if (!country.success) {
        throw new AppError({ code: 'VALIDATION', message: `Default country ${country.error.issues[0]?.message ?? 'is not valid'}.`, path: 'defaultCountry' });
      }
      this.preferences = { ...this.preferences, defaultCountry: country.data };
    }
    if (change.theme !== undefined) this.preferences = { ...this.preferences, theme: change.theme };
    if (shortcuts !== undefined) this.preferences = { ...this.preferences, shortcuts };
    if (change.notifications !== undefined) this.preferences = { ...this.preferences, notifications: change.notifications };
    this.deps.preferencesFile.save(this.preferences);
    this.deps.publish({ type: 'settings.updated' });
  }

  /** The sandbox's own profiles point at this run's emulators: only the user's are worth exporting there. */
  exportConfig(): { fileName: string; text: string } {
    const { catalog, sandbox } = this.deps;
    const profiles = sandbox ? catalog.userProfiles() : catalog.all();
    if (profiles.length === 0) {
      throw new AppError({ code: 'NOT_FOUND', message: 'There is no profile to export.', hint: 'Add a profile first; the sandbox profiles are built in.' });
    }
    return { fileName: EXPORT_FILE_NAME, text: exportConfig(this.effectiveConfig, profiles) };
  }

  async importConfig(text: string): Promise<ConfigImportResult> {
    const { catalog } = this.deps;
    const plan = planImport(text, { provisioned: catalog.provisionedProfiles(), user: catalog.userProfiles(), env: this.deps.env });
    if (!plan.ok) return { imported: false, problems: plan.problems };
    const busy = plan.replaced.filter((id) => this.deps.liveCalls(id) > 0);
    if (busy.length > 0) return { imported: false, problems: busy.map((id) => `profile "${id}" has calls in progress; import again when they have ended`) };

    const resume = new Map<string, boolean>();
    for (const profile of plan.profiles) resume.set(profile.id, await this.retireSession(profile.id));
    if (plan.profiles.length > 0) catalog.putUser(plan.profiles);
    if (plan.defaultCountry !== undefined || plan.directory !== undefined) {
      this.preferences = {
        ...this.preferences,
        ...(plan.defaultCountry !== undefined ? { defaultCountry: plan.defaultCountry } : {}),
        ...(plan.directory !== undefined ? { directory: plan.directory } : {}),
      };
      this.deps.preferencesFile.save(this.preferences);
    }
    for (const profile of plan.profiles) this.startSession(profile, resume.get(profile.id) ?? false);
    this.deps.log.info('configuration imported', { added: plan.added, replaced: plan.replaced, unchanged: plan.unchanged });
    this.deps.publish({ type: 'settings.updated' });
    return {
      imported: true,
      added: plan.added,
      replaced: plan.replaced,
      unchanged: plan.unchanged,
      ...(plan.defaultCountry !== undefined ? { defaultCountry: plan.defaultCountry } : {}),
    };
  }

  /** The shortcuts after this change, stored as their differences from the defaults; refused whole when one has a problem. */
  private checkedShortcuts(change: NonNullable<Preferences['shortcuts']>): NonNullable<StoredPreferences['shortcuts']> {
    const next = { ...resolveBindings(this.preferences.shortcuts), ...change };
    const problem = firstProblem(checkBindings(next));
    if (problem) {
      throw new AppError({
        code: 'VALIDATION',
        message: `${SHORTCUTS[problem.action].label}: ${problem.problem}`,
        hint: 'Choose another key, or remove this shortcut.',
        path: `shortcuts.${problem.action}`,
      });
    }
    return overridesOf(next);
  }

  private defaultCountry(): AppConfig['defaultCountry'] {
    return this.preferences.defaultCountry ?? this.deps.provisioned.defaultCountry;
  }

  /** The provisioning's directory, then entries an imported file added (the provisioning wins on an id). */
  private directory(): AppConfig['directory'] {
    const base = this.deps.provisioned.directory;
    const extra = this.preferences.directory ?? { agents: [], groups: [] };
    const merge = <T extends { id: string }>(first: readonly T[], second: readonly T[]): T[] => [
      ...first,
      ...second.filter((entry) => !first.some((known) => known.id === entry.id)),
    ];
    return { agents: merge(base.agents, extra.agents), groups: merge(base.groups, extra.groups) };
  }

  private describe(profile: Profile): SettingsProfile {
    const secretFields = secretFieldsForVendor(profile.vendor);
    const values: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(profile)) {
      if (key === 'vendor' || secretFields.includes(key)) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
    }
    return {
      id: profile.id,
      vendor: profile.vendor,
      label: profileLabel(profile),
      origin: this.deps.catalog.origin(profile.id) ?? 'user',
      values,
      secrets: secretFields.flatMap((field) => {
        const status = this.secretStatus(profile, field);
        return status ? [status] : [];
      }),
      liveCalls: this.deps.liveCalls(profile.id),
    };
  }

  private secretStatus(profile: Profile, field: string): SecretStatus | undefined {
    if (!secretFieldsForVendor(profile.vendor).includes(field)) return undefined;
    const label = fieldLabel(field);
    const env = envRefOf(profile, field);
    if (env) return { key: field, label, source: 'env', env };
    const key = SecretStore.key(profile.id, field);
    if (!this.deps.secrets.has(key)) return { key: field, label, source: 'none' };
    const builtIn = this.deps.sandbox && this.deps.catalog.origin(profile.id) === 'provisioned';
    return { key: field, label, source: builtIn ? 'built-in' : 'stored' };
  }

  private applySecret(profileId: string, field: string, change: SecretChange): void {
    const key = SecretStore.key(profileId, field);
    if (change.action === 'set') this.deps.secrets.set(key, change.value);
    else this.deps.secrets.delete(key);
  }

  /**
   * Ends a profile's session before the profile changes: signed out first, since an agent
   * left signed in at the vendor keeps receiving calls. Says whether it was signed in.
   */
  private async retireSession(profileId: string): Promise<boolean> {
    const old = this.deps.sessions.all().find((session) => session.profile.id === profileId);
    const signedIn = old?.current.status === 'signed-in' || old?.current.status === 'reconnecting';
    if (old && signedIn) await Promise.race([old.signOut().catch(() => undefined), delay(SIGN_OUT_WAIT_MS, undefined, { ref: false })]);
    await this.deps.sessions.remove(profileId);
    return signedIn;
  }

  /** The changed profile's fresh session: one that was signed in signs in again; any other when next used or checked. */
  private startSession(profile: Profile, signIn: boolean): void {
    const session = this.deps.sessions.add(profile);
    this.deps.publish({ type: 'session.updated', session: session.current });
    if (signIn) void session.signIn();
  }

  private profileOrThrow(profileId: string): Profile {
    const profile = this.deps.catalog.get(profileId);
    if (!profile) throw new AppError({ code: 'NOT_FOUND', message: `There is no profile "${profileId}".`, hint: 'Pick a profile from the list.' });
    return profile;
  }

  private refuseWhileCallsLive(profileId: string): void {
    const live = this.deps.liveCalls(profileId);
    if (live > 0) {
      throw new AppError({
        code: 'NOT_SUPPORTED',
        message: `Profile "${profileId}" has ${live === 1 ? 'a call' : `${live} calls`} in progress.`,
        hint: 'Change it when the calls have ended.',
      });
    }
  }

  private readOnly(profileId: string): AppError {
    return new AppError({
      code: 'NOT_SUPPORTED',
      message: `Profile "${profileId}" is provisioned and read-only here.`,
      hint: this.deps.sandbox ? 'Add a profile of your own instead.' : 'Change it in the configuration file, or add a profile of your own.',
    });
  }
}
