import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../vendors/adapter';
import { createCallHandlers } from './calls/callHandlers';
import { CallRegistry } from './calls/callRegistry';
import { DialService } from './calls/dialService';
import type { AppConfig } from './config/appConfig';
import { EventBus } from './events/eventBus';
import { createContractRouter } from './ipc/contractRouter';
import { SecretStore } from './secrets/secretStore';
import { SessionDirectory } from './sessions/sessionDirectory';
import { createSessionHandlers } from './sessions/sessionHandlers';
import type { SecretCipher, SoftphoneCore } from './softphoneCore';

export interface CoreOptions {
  config: AppConfig;
  sandbox: boolean;
  /** Where the secret store, history and settings live. */
  dataDir: string;
  cipher: SecretCipher;
  log: Logger;
  /** Secrets known to this process only (the sandbox's), keyed `profileId.field`. */
  ephemeralSecrets?: Readonly<Record<string, string>>;
  /** Sign every profile in at start (the app does; some tests don't). */
  signInAtStart?: boolean;
  env?: NodeJS.ProcessEnv;
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
  });
  for (const profile of config.profiles) sessions.add(profile);
  const dialService = new DialService(registry, (profileId) => sessions.get(profileId), log);

  const dispatch = createContractRouter(
    {
      ...createSessionHandlers(sessions, registry, config, options.sandbox),
      ...createCallHandlers(registry, sessions, dialService),
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
        if (session.current.status === 'signed-in') void session.adapter.resync().catch((error: unknown) => log.warn('resync after resume failed', { error: String(error) }));
        else void session.signIn();
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
    },
  };
}
