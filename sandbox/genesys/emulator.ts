import type { Emulator } from '../emulator';
import { EmulatorServer } from '../framework/emulatorServer';
import { BayeuxHub } from './cometd/bayeuxHub';
import { GenesysControl, type EmulatorSettings } from './control/control';
import { controlRoutes } from './control/controlRoutes';
import { apiRoutes } from './http/apiRoutes';
import { SessionStore } from './http/sessions';
import { resolveOptions, toUser, type GenesysEmulatorOptions, type GenesysUser } from './options';
import { TServer } from './tserver/tserver';

export interface GenesysEmulator extends Emulator {
  readonly vendor: 'genesys';
  /** Test control in process; the same actions are served under `/__sandbox/…`. */
  readonly control: GenesysControl;
  readonly users: readonly GenesysUser[];
}

function settingsOf(options: GenesysEmulatorOptions): EmulatorSettings {
  return {
    csrf: options.csrf,
    cometdTimeoutMs: options.cometdTimeoutMs,
    publishDelayMs: { ...options.publishDelayMs },
    answerDelayMs: options.answerDelayMs,
    noAnswerTimeoutMs: options.noAnswerTimeoutMs,
    farEnd: options.farEnd,
  };
}

/** Genesys Web Services 8.5 (Voice API v2 + CometD) on loopback; see sandbox/README.md. */
export function createGenesysEmulator(options: Partial<GenesysEmulatorOptions> = {}): GenesysEmulator {
  const resolved = resolveOptions(options);
  const users = resolved.users.map(toUser);
  const userNames = new Set(users.map((user) => user.userName));
  if (userNames.size !== users.length) throw new Error('Genesys emulator user names must be unique');

  const settings = settingsOf(resolved);
  const sessions = new SessionStore();
  const hub = new BayeuxHub(settings.cometdTimeoutMs);
  sessions.onInvalidate((session) => hub.closeSession(session.id));

  const baseUrl = (): string => resolved.baseUrl ?? server.url;
  const tserver = new TServer(users, settings, hub, baseUrl);

  const resetState = (): void => {
    control.stopBursts();
    sessions.invalidateAll();
    hub.closeAll();
    tserver.reset();
    Object.assign(settings, settingsOf(resolved));
    hub.setTimeout(settings.cometdTimeoutMs);
  };
  const control = new GenesysControl({
    tserver,
    hub,
    sessions,
    settings,
    resetAll: () => {
      server.faults.clear();
      server.log.clear();
      resetState();
    },
  });

  const usersByName = new Map(users.map((user) => [user.userName, user]));
  const server = new EmulatorServer({
    name: 'genesys',
    routes: [
      ...controlRoutes(control),
      ...apiRoutes({ tserver, hub, sessions, baseUrl, gate: () => ({ sessions, users: usersByName, csrf: settings.csrf }) }),
    ],
    onReset: resetState,
  });

  return {
    vendor: 'genesys',
    server,
    control,
    users,
    listen: (port = 0) => server.listen(port),
    close: async () => {
      control.stopBursts();
      tserver.stop();
      hub.closeAll();
      await server.close();
    },
  };
}
