import type { Handlers } from '../ipc/contractRouter';
import type { SettingsService } from './settingsService';

type SettingsHandlers = Pick<
  Handlers,
  | 'settings.get'
  | 'settings.profile.save'
  | 'settings.profile.remove'
  | 'settings.profile.test'
  | 'settings.secret.set'
  | 'settings.preferences.set'
  | 'settings.export'
  | 'settings.import'
>;

/** The settings.* channels. Secrets arrive in `settings.profile.save` and `settings.secret.set` and never leave main. */
export function createSettingsHandlers(settings: SettingsService): SettingsHandlers {
  return {
    'settings.get': async () => settings.view(),
    'settings.profile.save': (request) => settings.saveProfile(request),
    'settings.profile.remove': async ({ profileId }) => {
      await settings.removeProfile(profileId);
      return {};
    },
    'settings.profile.test': ({ profileId }) => settings.testProfile(profileId),
    'settings.secret.set': async ({ profileId, field, change }) => {
      await settings.setSecret(profileId, field, change);
      return {};
    },
    'settings.preferences.set': async (change) => {
      settings.setPreferences(change);
      return {};
    },
    'settings.export': async () => settings.exportConfig(),
    'settings.import': ({ text }) => settings.importConfig(text),
  };
}
