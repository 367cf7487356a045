import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallRecord, CallTarget, Vendor } from '../../../shared/callModel';
import type { AppEvent, Outcome } from '../../../shared/ipc/contract';
import type { SessionState, SessionStatus } from '../../../shared/session';
import type { VendorAdapter } from '../../vendors/adapter';
import { createGenesysAdapter, type GenesysAdapterTimings } from '../../vendors/genesys';
import { createHuaweiAdapter, type HuaweiTimings } from '../../vendors/huawei';
import { vendorModuleFor, type Profile } from '../../vendors/registry';
import type { AdapterDeps } from '../../vendors/vendorModule';
import type { AppConfig } from '../config/appConfig';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

/**
 * Emulator timings for reliability tests and the soak (options of `startSandbox`): far ends
 * answer in tens of milliseconds and long-polls are held for a fraction of a second, so
 * minutes of a shift pass in seconds. GUID and token lifetimes stay at the vendors' values
 * unless a test shortens them.
 */
export const FAST_EMULATORS = {
  genesys: { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, noAnswerTimeoutMs: 500, cometdTimeoutMs: 1_000 },
  huawei: { pollHoldMs: 300, farEndAnswerDelayMs: 50, noAnswerDelayMs: 300, customerHangupDelayMs: 300, agentAnswerDelayMs: 20 },
  vonage: { answeredCallMs: 300, noAnswerMs: 300, busyMs: 200 },
  oracle: { timeScale: 100 },
  iovox: { callLimit: { maxCalls: 1_000_000, windowMs: 60_000 } },
} as const;

/** Adapter deadlines and back-offs on the same compressed scale: a request "times out" after 1.5 s. */
export const FAST_ADAPTER_TIMINGS = {
  genesys: {
    requestTimeoutMs: 1_500,
    bayeuxMaxNetworkDelayMs: 1_500,
    correlationTimeoutMs: 1_000,
    bayeuxBackoffIncrementMs: 100,
    bayeuxMaxBackoffMs: 800,
    postDialPauseMs: 50,
  },
  huawei: { requestTimeoutMs: 1_500, pollTimeoutMs: 3_000, emptyPollDelayMs: 10, backoffBaseMs: 20, backoffMaxMs: 300, postDialPauseMs: 50, unclearGraceMs: 1_000 },
  vonage: { pollIntervalMs: 50, requestTimeoutMs: 1_500 },
  oracle: { statusPollMs: 50, scheduledPollMs: 200, requestTimeoutMs: 1_500 },
  iovox: { requestTimeoutMs: 1_500 },
} as const;

/** Changes to the compressed timings: adapter options for Genesys and Huawei, profile fields for the others. */
export interface TimingChanges {
  genesys?: Partial<GenesysAdapterTimings>;
  huawei?: Partial<HuaweiTimings>;
  vonage?: { pollIntervalMs?: number; requestTimeoutMs?: number };
  oracle?: { statusPollMs?: number; scheduledPollMs?: number; requestTimeoutMs?: number };
  iovox?: { requestTimeoutMs?: number };
}

/** The sandbox profile of each vendor (the Huawei colleague only where a test asks for it). */
export const PROFILE_OF: Readonly<Record<Vendor, string>> = { genesys: 'genesys', huawei: 'huawei', vonage: 'vonage', iovox: 'iovox', oracle: 'oracle' };

/**
 * Builds real adapters with compressed timings: Genesys and Huawei take theirs as factory
 * options, the other three from profile fields (see `compressProfiles`).
 */
export function compressedAdapters(random: () => number = Math.random, changes: TimingChanges = {}): (profile: Profile, deps: AdapterDeps) => VendorAdapter {
  return (profile, deps) => {
    if (profile.vendor === 'genesys') return createGenesysAdapter(profile, deps, { ...FAST_ADAPTER_TIMINGS.genesys, ...changes.genesys }, random);
    if (profile.vendor === 'huawei') return createHuaweiAdapter(profile, deps, { timings: { ...FAST_ADAPTER_TIMINGS.huawei, ...changes.huawei }, random });
    return vendorModuleFor(profile).create(profile, deps);
  };
}

/** The sandbox configuration with the timing fields of the Vonage, Oracle and IOVOX profiles compressed. */
export function compressProfiles(config: AppConfig, changes: TimingChanges = {}): AppConfig {
  return {
    ...config,
    profiles: config.profiles.map((profile) => {
      switch (profile.vendor) {
        case 'vonage':
          return { ...profile, ...FAST_ADAPTER_TIMINGS.vonage, ...changes.vonage };
        case 'oracle':
          return { ...profile, ...FAST_ADAPTER_TIMINGS.oracle, ...changes.oracle };
        case 'iovox':
          return { ...profile, ...FAST_ADAPTER_TIMINGS.iovox, ...changes.iovox };
        default:
          return profile;
      }
    }),
  };
}

export interface ReliabilityCoreOptions {
  /** Sandbox profile ids to run; one per vendor by default. */
  profiles?: readonly string[];
  /** The random source of the adapters' jittered back-offs. */
  random?: () => number;
  timings?: TimingChanges;
  logLevel?: 'debug' | 'info' | 'warn';
  signInAtStart?: boolean;
}

export interface LogLine {
  level: string;
  scope?: string;
  message: string;
  fields?: Record<string, unknown>;
}

export interface ReliabilityCore {
  core: SoftphoneCore;
  /** Every event the core published, in order. */
  events: AppEvent[];
  /** Dials a number (or any target) on a profile as the renderer does: a fresh intent unless given. */
  dial(profileId: string, target: string | CallTarget, intentId?: string): Promise<Outcome<{ callId: string }>>;
  /** The latest record of a call, as the renderer last heard of it. */
  call(callId: string): CallRecord | undefined;
  calls(): CallRecord[];
  /** The latest session state of a profile, as the renderer last heard of it. */
  session(profileId: string): SessionState | undefined;
  sessionStatuses(profileId: string): SessionStatus[];
  /** Resolves once every listed profile is signed in. */
  signedIn(profileIds?: readonly string[], timeoutMs?: number): Promise<void>;
  logLines(): LogLine[];
  stop(): Promise<void>;
}

const phoneTarget = (number: string): CallTarget => ({ kind: 'phone', input: number, number });

/** A real core with compressed adapters on the sandbox emulators at `urls` (started by the caller). */
export async function startReliabilityCore(urls: Record<Vendor, string>, options: ReliabilityCoreOptions = {}): Promise<ReliabilityCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'softphone-reliability-'));
  const logFile = join(dataDir, 'softphone.log');
  const setup = sandboxConfig(urls);
  const wanted = options.profiles ?? Object.values(PROFILE_OF);
  const config = compressProfiles({ ...setup.config, profiles: setup.config.profiles.filter((profile) => wanted.includes(profile.id)) }, options.timings);
  const core = await createCore({
    config,
    sandbox: true,
    dataDir,
    cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
    log: createLogger({ file: logFile, level: options.logLevel ?? 'debug' }),
    ephemeralSecrets: setup.ephemeralSecrets,
    env: {},
    createAdapter: compressedAdapters(options.random, options.timings),
    ...(options.signInAtStart !== undefined ? { signInAtStart: options.signInAtStart } : {}),
  });
  const events: AppEvent[] = [];
  const latestCall = new Map<string, CallRecord>();
  const latestSession = new Map<string, SessionState>();
  core.onEvent((event) => {
    events.push(event);
    if (event.type === 'call.updated') latestCall.set(event.call.id, event.call);
    if (event.type === 'session.updated') latestSession.set(event.session.profileId, event.session);
  });

  const signedIn = async (profileIds: readonly string[] = wanted, timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!profileIds.every((id) => latestSession.get(id)?.status === 'signed-in')) {
      if (Date.now() > deadline) throw new Error(`not signed in: ${JSON.stringify(profileIds.map((id) => latestSession.get(id)))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  return {
    core,
    events,
    dial: (profileId, target, intentId = randomUUID()) =>
      core.dispatch('call.dial', { profileId, intentId, target: typeof target === 'string' ? phoneTarget(target) : target }) as Promise<Outcome<{ callId: string }>>,
    call: (callId) => latestCall.get(callId),
    calls: () => [...latestCall.values()],
    session: (profileId) => latestSession.get(profileId),
    sessionStatuses: (profileId) => events.flatMap((event) => (event.type === 'session.updated' && event.session.profileId === profileId ? [event.session.status] : [])),
    signedIn,
    logLines: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogLine),
    stop: async () => {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The call id of a successful dial outcome. */
export function callIdOf(outcome: Outcome<{ callId: string }>): string {
  if (!outcome.ok) throw new Error(`dial failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value.callId;
}
