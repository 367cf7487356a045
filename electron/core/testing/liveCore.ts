import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VENDORS, type Vendor } from '../../../shared/callModel';
import type { AppEvent, Bootstrap } from '../../../shared/ipc/contract';
import type { SessionStatus } from '../../../shared/session';
import type { AppConfig } from '../config/appConfig';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger, type AppLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

/** Emulator timings that keep a whole core's tests in seconds (pass to `startSandbox`). */
export const FAST_SANDBOX = {
  genesys: { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 },
  huawei: { pollHoldMs: 300, farEndAnswerDelayMs: 50, noAnswerDelayMs: 300, customerHangupDelayMs: 300, agentAnswerDelayMs: 20 },
} as const;

/** What an emulator logged; the shape of the sandbox's request log, which core code may not import. */
export interface EmulatorRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The part of a running sandbox (`startSandbox()`) the helper needs. */
export interface RunningSandbox {
  urls: Record<Vendor, string>;
  emulators: Record<Vendor, { server: { log: { list(): EmulatorRequest[]; clear(): void } } }>;
  stop(): Promise<void>;
}

/**
 * Requests an adapter makes on its own while signed in: the Genesys CometD connection and
 * the Huawei event long-poll. Anything else at an emulator was caused by something we did.
 */
const BACKGROUND: Readonly<Record<Vendor, RegExp | undefined>> = {
  genesys: /^\/api\/v2\/notifications/,
  huawei: /^\/agentgateway\/resource\/agentevent\//,
  vonage: undefined,
  iovox: undefined,
  oracle: undefined,
};

export interface LiveCore<S extends RunningSandbox> {
  core: SoftphoneCore;
  sandbox: S;
  log: AppLogger;
  logFile: string;
  dataDir: string;
  /** Every event the core published since it started. */
  events: AppEvent[];
  bootstrap(): Promise<Bootstrap>;
  /** Requests the emulators received that the adapters did not make on their own. */
  vendorRequests(): Array<EmulatorRequest & { vendor: Vendor }>;
  /** Forgets the emulators' request logs (the sign-in traffic, say). */
  clearRequests(): void;
  stop(): Promise<void>;
}

export interface LiveCoreOptions {
  /** Which sandbox profiles to run; all five by default. */
  vendors?: readonly Vendor[];
  /** Rewrites the sandbox configuration (profiles with `{ env }` secrets, say). */
  config?: (config: AppConfig, urls: Record<Vendor, string>) => AppConfig;
  env?: NodeJS.ProcessEnv;
}

/**
 * A real core on the sandbox emulators the test started (over loopback), every profile
 * signing in. `stop` disposes the core, then stops the sandbox.
 */
export async function startLiveCore<S extends RunningSandbox>(sandbox: S, options: LiveCoreOptions = {}): Promise<LiveCore<S>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'softphone-live-core-'));
  const logFile = join(dataDir, 'logs', 'softphone.log');
  const log = createLogger({ file: logFile, level: 'debug' });
  const vendors = options.vendors ?? VENDORS;
  const setup = sandboxConfig(sandbox.urls);
  const chosen: AppConfig = { ...setup.config, profiles: setup.config.profiles.filter((profile) => vendors.includes(profile.vendor)) };
  const core = await createCore({
    config: options.config ? options.config(chosen, sandbox.urls) : chosen,
    sandbox: true,
    dataDir,
    cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
    log,
    ephemeralSecrets: setup.ephemeralSecrets,
    env: options.env ?? {},
  });
  const events: AppEvent[] = [];
  core.onEvent((event) => events.push(event));

  const bootstrap = async (): Promise<Bootstrap> => {
    const outcome = await core.dispatch('app.bootstrap', {});
    if (!outcome.ok) throw new Error(`bootstrap failed: ${outcome.error.message}`);
    return outcome.value as Bootstrap;
  };
  const all = () => VENDORS.map((vendor) => ({ vendor, server: sandbox.emulators[vendor].server }));

  return {
    core,
    sandbox,
    log,
    logFile,
    dataDir,
    events,
    bootstrap,
    vendorRequests: () =>
      all().flatMap(({ vendor, server }) =>
        server.log
          .list()
          .filter((request) => !BACKGROUND[vendor]?.test(request.path))
          .map((request) => ({ ...request, vendor })),
      ),
    clearRequests: () => {
      for (const { server } of all()) server.log.clear();
    },
    stop: async () => {
      await core.dispose();
      await sandbox.stop();
    },
  };
}

/** Waits until every profile has left `signing-in`, and returns each one's status. */
export async function settledSessions(live: LiveCore<RunningSandbox>, timeoutMs = 15_000): Promise<Record<string, SessionStatus>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { sessions } = await live.bootstrap();
    if (sessions.every((session) => session.status !== 'signing-in' && session.status !== 'signed-out')) {
      return Object.fromEntries(sessions.map((session) => [session.profileId, session.status]));
    }
    if (Date.now() > deadline) throw new Error(`sessions did not settle: ${JSON.stringify(sessions)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
