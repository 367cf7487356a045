import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { STATE_LABELS, VENDOR_LABELS, isFinalState, type CallAction, type CallRecord } from '../../shared/callModel';
import type { Directory } from '../../shared/session';
import type { Logger } from '../vendors/adapter';
import { vendorModuleFor, type Profile } from '../vendors/registry';
import { CallRegistry } from './calls/callRegistry';
import { DialService } from './calls/dialService';
import type { AppConfig } from './config/appConfig';
import { EventBus } from './events/eventBus';
import { createContractRouter } from './ipc/contractRouter';
import { SecretStore } from './secrets/secretStore';
import { ProfileSession } from './sessions/profileSession';
import type { SecretCipher, SoftphoneCore } from './softphoneCore';

export interface CoreOptions {
  config: AppConfig;
  sandbox: boolean;
  /** Where the secret store (and later history and settings) live. */
  dataDir: string;
  cipher: SecretCipher;
  log: Logger;
  /** Secrets known to this process only (the sandbox's), keyed `profileId.field`. */
  ephemeralSecrets?: Readonly<Record<string, string>>;
  /** Sign every profile in at start (the app does; some tests don't). */
  signInAtStart?: boolean;
  env?: NodeJS.ProcessEnv;
}

const RECENT_FINISHED_IN_BOOTSTRAP = 50;

export async function createCore(options: CoreOptions): Promise<SoftphoneCore> {
  const { config, log } = options;
  const env = options.env ?? process.env;
  const bus = new EventBus();
  const secrets = new SecretStore(join(options.dataDir, 'secrets.json'), options.cipher);
  for (const [key, value] of Object.entries(options.ephemeralSecrets ?? {})) secrets.setEphemeral(key, value);

  const registry = new CallRegistry((call) => bus.publish({ type: 'call.updated', call }));
  const sessions = new Map<string, ProfileSession>();

  for (const profile of config.profiles) {
    const module = vendorModuleFor(profile);
    const readSecret = (field: string): string | undefined => {
      const ref = (profile as Record<string, unknown>)[field];
      if (ref && typeof ref === 'object' && 'env' in ref && typeof ref.env === 'string') return env[ref.env];
      return secrets.get(SecretStore.key(profile.id, field));
    };
    const scoped = childLogger(log, profile.id);
    const session = new ProfileSession(
      profile,
      (host) => module.create(profile, { host, secrets: readSecret }),
      {
        callObserved: (observation) => registry.observe(profile.id, profile.vendor, observation),
        liveCalls: () => registry.live(profile.id),
        log: scoped,
      },
      (state) => bus.publish({ type: 'session.updated', session: state }),
    );
    sessions.set(profile.id, session);
  }

  const sessionOf = (profileId: string): ProfileSession => {
    const session = sessions.get(profileId);
    if (!session) throw new AppError({ code: 'NOT_FOUND', message: `There is no profile "${profileId}".`, hint: 'Pick a profile from the list.' });
    return session;
  };
  const dialService = new DialService(registry, sessionOf, log);

  const callFor = (callId: string, action: CallAction): { call: CallRecord; session: ProfileSession } => {
    const call = registry.get(callId);
    if (!call) throw new AppError({ code: 'NOT_FOUND', message: 'That call is no longer known to the softphone.' });
    if (isFinalState(call.state)) throw new AppError({ code: 'NOT_SUPPORTED', message: 'That call has already ended.' });
    if (!call.actions.includes(action)) {
      throw new AppError({ code: 'NOT_SUPPORTED', message: `${ACTION_WORDS[action]} is not possible while the call is ${STATE_LABELS[call.state].toLowerCase()}.` });
    }
    return { call, session: sessionOf(call.profileId) };
  };
  const ref = (call: CallRecord) => ({ localId: call.id, ...(call.vendorCallId ? { vendorCallId: call.vendorCallId } : {}) });
  const unsupported = (session: ProfileSession): AppError =>
    new AppError({ code: 'NOT_SUPPORTED', message: `${VENDOR_LABELS[session.profile.vendor]} does not support this.` });

  const dispatch = createContractRouter(
    {
      'app.bootstrap': async () => {
        const calls = registry.list();
        const finished = calls.filter((call) => isFinalState(call.state)).slice(-RECENT_FINISHED_IN_BOOTSTRAP);
        return {
          sandbox: options.sandbox,
          defaultCountry: config.defaultCountry,
          profiles: config.profiles.map((profile) => ({
            id: profile.id,
            vendor: profile.vendor,
            label: profile.label ?? `${VENDOR_LABELS[profile.vendor]} (${profile.id})`,
            sandbox: options.sandbox,
            capabilities: sessionOf(profile.id).adapter.capabilities,
          })),
          sessions: [...sessions.values()].map((session) => session.current),
          calls: [...calls.filter((call) => !isFinalState(call.state)), ...finished],
        };
      },
      'session.signIn': ({ profileId }) => sessionOf(profileId).signIn(),
      'session.signOut': ({ profileId }) => sessionOf(profileId).signOut(),
      'call.dial': (request) => dialService.dial(request),
      'call.hangup': async ({ callId }) => {
        const call = registry.get(callId);
        const action: CallAction = call?.state === 'scheduled' && call.actions.includes('cancel') ? 'cancel' : 'hangup';
        const { call: live, session } = callFor(callId, action);
        if (action === 'hangup') await session.adapter.hangup(ref(live));
        else if (session.adapter.cancel) await session.adapter.cancel(ref(live));
        else throw unsupported(session);
        return {};
      },
      'call.hold': async ({ callId }) => {
        const { call, session } = callFor(callId, 'hold');
        if (!session.adapter.hold) throw unsupported(session);
        await session.adapter.hold(ref(call));
        return {};
      },
      'call.retrieve': async ({ callId }) => {
        const { call, session } = callFor(callId, 'retrieve');
        if (!session.adapter.retrieve) throw unsupported(session);
        await session.adapter.retrieve(ref(call));
        return {};
      },
      'call.sendDigits': async ({ callId, digits }) => {
        if (!/^[0-9*#]+$/.test(digits)) {
          throw new AppError({ code: 'VALIDATION', message: 'Digits may only contain 0–9, * and #.', path: 'digits' });
        }
        const { call, session } = callFor(callId, 'dtmf');
        if (!session.adapter.sendDigits) throw unsupported(session);
        await session.adapter.sendDigits(ref(call), digits);
        return {};
      },
      'directory.get': async ({ profileId }) => directoryFor(sessionOf(profileId), config),
    },
    log,
  );

  if (options.signInAtStart ?? true) {
    for (const session of sessions.values()) void session.signIn();
  }

  return {
    dispatch,
    onEvent: (listener) => bus.subscribe(listener),
    resume: () => {
      for (const session of sessions.values()) {
        if (session.current.status === 'signed-in') void session.adapter.resync().catch((error) => log.warn('resync after resume failed', { error: String(error) }));
        else void session.signIn();
      }
    },
    dispose: async () => {
      await Promise.allSettled([...sessions.values()].map((session) => session.adapter.dispose()));
    },
  };
}

const ACTION_WORDS: Record<CallAction, string> = {
  hangup: 'Hanging up',
  hold: 'Holding',
  retrieve: 'Resuming',
  dtmf: 'Sending digits',
  cancel: 'Cancelling',
};

async function directoryFor(session: ProfileSession, config: AppConfig): Promise<Directory> {
  const fromVendor = session.adapter.directory ? await session.adapter.directory() : { agents: [], groups: [], skills: [] };
  return {
    agents: fromVendor.agents.length > 0 ? fromVendor.agents : config.directory.agents,
    groups: fromVendor.groups.length > 0 ? fromVendor.groups : config.directory.groups,
    skills: fromVendor.skills,
  };
}

function childLogger(log: Logger, scope: string): Logger {
  const withScope = (fields?: Record<string, unknown>) => ({ profile: scope, ...(fields ?? {}) });
  return {
    debug: (message, fields) => log.debug(message, withScope(fields)),
    info: (message, fields) => log.info(message, withScope(fields)),
    warn: (message, fields) => log.warn(message, withScope(fields)),
    error: (message, fields) => log.error(message, withScope(fields)),
  };
}

export type { Profile };
