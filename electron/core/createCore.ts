import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { AppLogger } from './log/logger';
import { createCallHandlers } from './calls/callHandlers';
import { CallRegistry } from './calls/callRegistry';
import { DialService } from './calls/dialService';
import type { AppConfig } from './config/appConfig';
import { EventBus } from './events/eventBus';
import { openCallHistory } from './history/callHistory';
import { createContractRouter } from './ipc/contractRouter';
import { createFavouriteHandlers } from './directory/favouriteHandlers';
import { openFavouritesStore } from './directory/favouritesStore';
import { createLinkHandlers } from './links/linkHandlers';
import { LinkHandler } from './links/linkHandler';
import { openLinkSettingsStore } from './links/linkSettingsStore';
import { ProfileCatalog } from './profiles/profileCatalog';
import { UserProfileFile } from './profiles/userProfileFile';
import { SecretStore } from './secrets/secretStore';
import { SessionDirectory, type SessionDirectoryDeps } from './sessions/sessionDirectory';
import { createSessionHandlers } from './sessions/sessionHandlers';
import type { GlobalShortcutFeed } from './settings/globalShortcutFeed';
import { PreferencesFile } from './settings/preferencesFile';
import { createSettingsHandlers } from './settings/settingsHandlers';
import { SettingsService } from './settings/settingsService';
import type { SecretCipher, SoftphoneCore } from './softphoneCore';

export interface CoreOptions {
  config: AppConfig;
  sandbox: boolean;
  /** Where the secret store, history and settings live. */
  dataDir: string;
  cipher: SecretCipher;
  /** Every secret read for a profile is registered with it, so no log line carries one. */
  log: AppLogger;
  /** Secrets known to this process only (the sandbox's), keyed `profileId.field`. */
  ephemeralSecrets?: Readonly<Record<string, string>>;
  /** Sign every profile in at start (the app does; some tests don't). */
  signInAtStart?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Builds each profile's adapter instead of its vendor module (tests and the soak compress adapter timings). */
  createAdapter?: SessionDirectoryDeps['createAdapter'];
  /** The desktop app's global shortcuts, as main registered them (Settings shows the status). */
  globalShortcuts?: GlobalShortcutFeed;
}

const SIGN_OUT_ON_QUIT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, delay(ms, undefined, { ref: false })]);
}

/** Wires the core: one registry of calls, one session per profile, one router for the contract. */
export async function createCore(options: CoreOptions): Promise<SoftphoneCore> {
  const { config, log } = options;
  const bus = new EventBus();
  const secrets = new SecretStore(join(options.dataDir, 'secrets.json'), options.cipher);
  for (const [key, value] of Object.entries(options.ephemeralSecrets ?? {})) secrets.setEphemeral(key, value);

  const registry = new CallRegistry((call) => bus.publish({ type: 'call.updated', call }));
  const sessions = new SessionDirectory({
    secrets,
    env: options.env ?? process.env,
    log,
    callObserved: (profile, observation) => registry.observe(profile.id, profile.vendor, observation),
    liveCalls: (profileId) => registry.live(profileId),
    onState: (session) => bus.publish({ type: 'session.updated', session }),
    secretRead: (value) => log.addSecretValue(value),
    ...(options.createAdapter ? { createAdapter: options.createAdapter } : {}),
  });
  // Provisioned profiles first, then the ones added in Settings (profiles.json).
  const catalog = new ProfileCatalog(config.profiles, new UserProfileFile(join(options.dataDir, 'profiles.json')));
  for (const profile of catalog.all()) sessions.add(profile);
  const settings = new SettingsService({
    provisioned: config,
    sandbox: options.sandbox,
    catalog,
    preferencesFile: new PreferencesFile(join(options.dataDir, 'settings.json')),
    secrets,
    sessions,
    liveCalls: (profileId) => registry.live(profileId).length,
    publish: (event) => bus.publish(event),
    env: options.env ?? process.env,
    log,
    ...(options.globalShortcuts ? { globalShortcuts: options.globalShortcuts } : {}),
  });
  const history = openCallHistory({
    file: join(options.dataDir, 'history.jsonl'),
    log,
    bus,
    callKnown: (callId) => registry.get(callId) !== undefined,
    profileLabel: (profileId) => catalog.label(profileId),
  });
  const dialService = new DialService(registry, (profileId) => sessions.get(profileId), log, () => settings.effectiveConfig.defaultCountry, history.dialing);
  const canDialPhones = (profileId: string): boolean => sessions.all().some(({ profile, adapter }) => profile.id === profileId && adapter.capabilities.targets.includes('phone'));
  const linkSettings = openLinkSettingsStore(join(options.dataDir, 'links.json'), log);
  const links = new LinkHandler({
    settings: linkSettings,
    canDialPhones,
    defaultCountry: () => settings.effectiveConfig.defaultCountry,
    dial: (request) => dialService.dial(request),
    publish: (event) => bus.publish(event),
    log,
  });
  const favourites = openFavouritesStore(join(options.dataDir, 'favourites.json'), log);

  const dispatch = createContractRouter(
    {
      ...createSessionHandlers(sessions, registry, settings.effectiveConfig, options.sandbox),
      ...createCallHandlers(registry, sessions, dialService),
      ...history.handlers,
      ...createSettingsHandlers(settings),
      ...createLinkHandlers(links, linkSettings, canDialPhones),
      ...createFavouriteHandlers(favourites, (profileId) => void sessions.get(profileId)),
    },
    log,
  );

  if (options.signInAtStart ?? true) {
    for (const session of sessions.all()) void session.signIn();
  }

  return {
    dispatch,
    onEvent: (listener) => bus.subscribe(listener),
    resume: () => {
      for (const session of sessions.all()) {
        session.resume().catch((error: unknown) => log.warn('reconnect after resume failed', { profile: session.profile.id, error: String(error) }));
      }
    },
    // Agents are signed out on quit (a Huawei agent left signed in keeps receiving calls);
    // a vendor that does not answer in time does not hold the quit up.
    dispose: async () => {
      await Promise.allSettled(
        sessions.all().map(async (session) => {
          if (session.current.status === 'signed-in') await withTimeout(session.signOut(), SIGN_OUT_ON_QUIT_MS).catch(() => undefined);
          await session.adapter.dispose();
        }),
      );
      await history.close(registry.live());
    },
  };
}
