import type { CallRecord } from '../../../shared/callModel';
import { AppError } from '../../../shared/errors';
import type { SessionState } from '../../../shared/session';
import type { CallObservation, Logger, VendorAdapter } from '../../vendors/adapter';
import { vendorModuleFor, type Profile } from '../../vendors/registry';
import type { AdapterDeps } from '../../vendors/vendorModule';
import { SecretStore } from '../secrets/secretStore';
import { ProfileSession } from './profileSession';

export interface SessionDirectoryDeps {
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  log: Logger;
  callObserved(profile: Profile, observation: CallObservation): void;
  liveCalls(profileId: string): readonly CallRecord[];
  onState(state: SessionState): void;
  /** Told each secret value as it is read, so the log can scrub it wherever it turns up. */
  secretRead(value: string): void;
  /** Builds a profile's adapter; the vendor module's factory unless a test or the soak compresses its timings. */
  createAdapter?: (profile: Profile, deps: AdapterDeps) => VendorAdapter;
}

/** Every profile's session, by profile id. */
export class SessionDirectory {
  private readonly sessions = new Map<string, ProfileSession>();

  constructor(private readonly deps: SessionDirectoryDeps) {}

  add(profile: Profile): ProfileSession {
    const { secrets, env, log } = this.deps;
    const create = this.deps.createAdapter ?? ((p: Profile, deps: AdapterDeps) => vendorModuleFor(p).create(p, deps));
    // Secrets are read at the moment of use: from the environment variable the config
    // names, or from the encrypted store for secrets entered in Settings.
    const readSecret = (field: string): string | undefined => {
      const ref = (profile as Record<string, unknown>)[field];
      const value = ref && typeof ref === 'object' && 'env' in ref && typeof ref.env === 'string' ? env[ref.env] : secrets.get(SecretStore.key(profile.id, field));
      if (value) this.deps.secretRead(value);
      return value;
    };
    const session = new ProfileSession(
      profile,
      (host) => create(profile, { host, secrets: readSecret }),
      {
        callObserved: (observation) => this.deps.callObserved(profile, observation),
        liveCalls: () => this.deps.liveCalls(profile.id),
        log: scopedLogger(log, profile.id),
      },
      (state) => this.deps.onState(state),
    );
    this.sessions.set(profile.id, session);
    return session;
  }

  async remove(profileId: string): Promise<void> {
    const session = this.sessions.get(profileId);
    if (!session) return;
    this.sessions.delete(profileId);
    await session.adapter.dispose();
  }

  get(profileId: string): ProfileSession {
    const session = this.sessions.get(profileId);
    if (!session) throw new AppError({ code: 'NOT_FOUND', message: `There is no profile "${profileId}".`, hint: 'Pick a profile from the list.' });
    return session;
  }

  all(): ProfileSession[] {
    return [...this.sessions.values()];
  }
}

function scopedLogger(log: Logger, profileId: string): Logger {
  const withScope = (fields?: Record<string, unknown>) => ({ profile: profileId, ...(fields ?? {}) });
  return {
    debug: (message, fields) => log.debug(message, withScope(fields)),
    info: (message, fields) => log.info(message, withScope(fields)),
    warn: (message, fields) => log.warn(message, withScope(fields)),
    error: (message, fields) => log.error(message, withScope(fields)),
  };
}
