import { VENDOR_LABELS, isFinalState } from '../../../shared/callModel';
import type { Directory } from '../../../shared/session';
import type { CallRegistry } from '../calls/callRegistry';
import type { AppConfig } from '../config/appConfig';
import type { Handlers } from '../ipc/contractRouter';
import type { ProfileSession } from './profileSession';
import type { SessionDirectory } from './sessionDirectory';

const RECENT_FINISHED_IN_BOOTSTRAP = 50;

type SessionHandlers = Pick<Handlers, 'app.bootstrap' | 'session.signIn' | 'session.signOut' | 'directory.get'>;

export function createSessionHandlers(sessions: SessionDirectory, registry: CallRegistry, config: AppConfig, sandbox: boolean): SessionHandlers {
  return {
    'app.bootstrap': async () => {
      const calls = registry.list();
      const finished = calls.filter((call) => isFinalState(call.state)).slice(-RECENT_FINISHED_IN_BOOTSTRAP);
      return {
        sandbox,
        defaultCountry: config.defaultCountry,
        profiles: sessions.all().map(({ profile, adapter }) => ({
          id: profile.id,
          vendor: profile.vendor,
          label: profile.label ?? `${VENDOR_LABELS[profile.vendor]} (${profile.id})`,
          sandbox,
          capabilities: adapter.capabilities,
        })),
        sessions: sessions.all().map((session) => session.current),
        calls: [...calls.filter((call) => !isFinalState(call.state)), ...finished],
      };
    },
    'session.signIn': ({ profileId }) => sessions.get(profileId).signIn(),
    'session.signOut': ({ profileId }) => sessions.get(profileId).signOut(),
    'directory.get': async ({ profileId }) => directoryFor(sessions.get(profileId), config),
  };
}

/** The vendor's directory where its API has one, the config's `directory` otherwise. */
async function directoryFor(session: ProfileSession, config: AppConfig): Promise<Directory> {
  const fromVendor = session.adapter.directory ? await session.adapter.directory() : { agents: [], groups: [], skills: [] };
  return {
    agents: fromVendor.agents.length > 0 ? fromVendor.agents : config.directory.agents,
    groups: fromVendor.groups.length > 0 ? fromVendor.groups : config.directory.groups,
    skills: fromVendor.skills,
  };
}
