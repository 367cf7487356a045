import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isFinalState, type CallRecord, type CallTarget } from '../../../shared/callModel';
import type { AppError } from '../../../shared/errors';
import type { SessionStatus } from '../../../shared/session';
import type { AdapterHost, CallObservation, Logger, VendorAdapter } from '../adapter';
import { createHuaweiAdapter, type HuaweiTimings } from './huaweiAdapter';
import { HuaweiProfileSchema, type HuaweiProfile } from './profile';
import { parseEnvelope } from './wire';

export interface SessionChange {
  status: SessionStatus;
  detail: string | undefined;
  error: AppError | undefined;
}

export interface LogEntry {
  level: keyof Logger;
  message: string;
  fields: Record<string, unknown> | undefined;
}

type Waiter<T> = { match: (item: T) => boolean; resolve: (item: T) => void };

/**
 * An AdapterHost for tests: records what the adapter reports and keeps the minimal call
 * registry `liveCalls()` needs, the way the core's registry would.
 */
export class RecordingHost implements AdapterHost {
  readonly observations: CallObservation[] = [];
  readonly sessions: SessionChange[] = [];
  readonly logs: LogEntry[] = [];
  private readonly records = new Map<string, CallRecord>();
  private readonly observationWaiters = new Set<Waiter<CallObservation>>();
  private readonly sessionWaiters = new Set<Waiter<SessionChange>>();

  readonly log: Logger = {
    debug: (message, fields) => this.logs.push({ level: 'debug', message, fields }),
    info: (message, fields) => this.logs.push({ level: 'info', message, fields }),
    warn: (message, fields) => this.logs.push({ level: 'warn', message, fields }),
    error: (message, fields) => this.logs.push({ level: 'error', message, fields }),
  };

  /** What the core does before calling `dial`: a record in `requested`. */
  track(localId: string, target: CallTarget): void {
    this.records.set(localId, { id: localId, profileId: 'hw', vendor: 'huawei', direction: 'outbound', target, state: 'requested', timeline: [], actions: [], createdAt: Date.now() });
  }

  /** What the core does when `dial` throws OUTCOME_UNKNOWN. */
  markUnknown(localId: string): void {
    const record = this.records.get(localId);
    if (record) this.records.set(localId, { ...record, state: 'unknown' });
  }

  callObserved(observation: CallObservation): void {
    this.observations.push(observation);
    const id = observation.localId ?? this.idOfVendorCall(observation.vendorCallId) ?? `vendor:${observation.vendorCallId ?? this.records.size}`;
    const existing = this.records.get(id);
    const vendorCallId = observation.vendorCallId ?? existing?.vendorCallId;
    this.records.set(id, {
      id,
      profileId: 'hw',
      vendor: 'huawei',
      direction: existing?.direction ?? observation.discovered?.direction ?? 'outbound',
      target: existing?.target ?? observation.discovered?.target ?? { kind: 'phone', input: '', number: '' },
      state: observation.state,
      timeline: [],
      actions: observation.actions ?? existing?.actions ?? [],
      createdAt: existing?.createdAt ?? Date.now(),
      ...(vendorCallId !== undefined ? { vendorCallId } : {}),
    });
    for (const waiter of this.observationWaiters) {
      if (waiter.match(observation)) {
        this.observationWaiters.delete(waiter);
        waiter.resolve(observation);
      }
    }
  }

  sessionChanged(status: SessionStatus, detail?: string, error?: AppError): void {
    const change = { status, detail, error };
    this.sessions.push(change);
    for (const waiter of this.sessionWaiters) {
      if (waiter.match(change)) {
        this.sessionWaiters.delete(waiter);
        waiter.resolve(change);
      }
    }
  }

  liveCalls(): readonly CallRecord[] {
    return [...this.records.values()].filter((record) => !isFinalState(record.state));
  }

  observationsOf(localId: string): CallObservation[] {
    return this.observations.filter((o) => o.localId === localId);
  }

  /** The first observation (already recorded or still to come) that matches. */
  waitForObservation(match: (o: CallObservation) => boolean, timeoutMs = 10_000): Promise<CallObservation> {
    return waitFor(this.observations, this.observationWaiters, match, timeoutMs, 'call observation');
  }

  /** The first session change after the `after`-th one that matches. */
  waitForSession(match: (change: SessionChange) => boolean, after = 0, timeoutMs = 10_000): Promise<SessionChange> {
    return waitFor(this.sessions.slice(after), this.sessionWaiters, match, timeoutMs, 'session change');
  }

  private idOfVendorCall(vendorCallId: string | undefined): string | undefined {
    if (vendorCallId === undefined) return undefined;
    for (const record of this.records.values()) if (record.vendorCallId === vendorCallId) return record.id;
    return undefined;
  }
}

function waitFor<T>(seen: readonly T[], waiters: Set<Waiter<T>>, match: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const found = seen.find(match);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`No matching ${what} within ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const waiter: Waiter<T> = {
      match,
      resolve: (item) => {
        clearTimeout(timer);
        resolve(item);
      },
    };
    waiters.add(waiter);
  });
}

export interface TappedResponse {
  method: string;
  path: string;
  agentGuid: string | undefined;
  setGuid: string | undefined;
  retcode: string | undefined;
  message: string | undefined;
}

/**
 * Watches the emulator's HTTP server from the outside: how many event polls it is holding
 * at once (a poll counts from its arrival until the server answers it or the connection
 * closes) and the `retcode` and `Set-GUID` of every answer.
 */
export class WireTap {
  readonly responses: TappedResponse[] = [];
  /** Polls being held right now, by agent path. */
  readonly openPolls = new Map<string, number>();
  /** The most polls of one agent ever held at once. */
  maxOpenPolls = 0;
  private readonly listeners = new Set<() => void>();
  private readonly server: Server;
  private readonly listener = (req: IncomingMessage, res: ServerResponse): void => this.watch(req, res);

  constructor(server: Server) {
    this.server = server;
    server.prependListener('request', this.listener);
  }

  detach(): void {
    this.server.off('request', this.listener);
  }

  retcodes(): string[] {
    return this.responses.flatMap((response) => (response.retcode !== undefined ? [response.retcode] : []));
  }

  /** Resolves once `condition` holds, checked after every answer the server gives. */
  until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`Not seen within ${timeoutMs} ms: ${what}`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  private watch(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://tap.invalid').pathname;
    if (path.startsWith('/__sandbox/')) return;
    const isPoll = path.includes('/agentevent/');
    let open = isPoll;
    if (isPoll) {
      const count = (this.openPolls.get(path) ?? 0) + 1;
      this.openPolls.set(path, count);
      this.maxOpenPolls = Math.max(this.maxOpenPolls, count);
    }
    const close = (): void => {
      if (!open) return;
      open = false;
      this.openPolls.set(path, (this.openPolls.get(path) ?? 1) - 1);
    };
    const chunks: Buffer[] = [];
    let setGuid: string | undefined;
    const originalWriteHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
      for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() === 'set-guid' && typeof value === 'string') setGuid = value;
      return Reflect.apply(originalWriteHead, this, args) as ServerResponse;
    } as ServerResponse['writeHead'];
    const originalEnd = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const chunk = args[0];
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      close();
      return Reflect.apply(originalEnd, this, args) as ServerResponse;
    } as ServerResponse['end'];
    res.once('close', () => {
      close();
      const header = res.getHeader('set-guid');
      const value = setGuid ?? (typeof header === 'string' ? header : undefined);
      this.responses.push({
        method: req.method ?? 'GET',
        path,
        agentGuid: typeof req.headers.guid === 'string' ? req.headers.guid : undefined,
        setGuid: value?.replace(/^JSESSIONID=/, ''),
        ...envelopeOf(Buffer.concat(chunks).toString('utf8')),
      });
      for (const listener of [...this.listeners]) listener();
    });
  }
}

function envelopeOf(body: string): { retcode: string | undefined; message: string | undefined } {
  const parsed = parseEnvelope(body);
  return { retcode: parsed?.retcode, message: parsed?.message };
}

/**
 * Emulator timings small enough for tests (options of `createHuaweiEmulator`); the far end
 * still answers after a visible ringing phase.
 */
export const FAST_EMULATOR = {
  pollHoldMs: 300,
  guidIntervalMs: 60_000,
  guidTimeoutMs: 120_000,
  maxTimeMs: 120_000,
  farEndAnswerDelayMs: 50,
  noAnswerDelayMs: 300,
  customerHangupDelayMs: 300,
  agentAnswerDelayMs: 20,
} as const;

export const FAST_ADAPTER: Partial<HuaweiTimings> = {
  requestTimeoutMs: 2_000,
  pollTimeoutMs: 3_000,
  emptyPollDelayMs: 10,
  backoffBaseMs: 20,
  backoffMaxMs: 200,
  postDialPauseMs: 50,
};

export interface TestAgentOptions {
  agentId?: string;
  /** The secret store's answer for `password` (undefined: not available). */
  password?: () => string | undefined;
  profile?: Partial<HuaweiProfile>;
  timings?: Partial<HuaweiTimings>;
}

export interface TestAgent {
  adapter: VendorAdapter;
  host: RecordingHost;
  profile: HuaweiProfile;
}

/** A Huawei adapter for one sandbox agent on the emulator at `baseUrl`, with fast timings. */
export function createTestAgent(baseUrl: string, options: TestAgentOptions = {}): TestAgent {
  const host = new RecordingHost();
  const agentId = options.agentId ?? '40038';
  const profile = HuaweiProfileSchema.parse({
    id: 'hw',
    vendor: 'huawei',
    baseUrl,
    agentId,
    password: { env: 'HW_PASSWORD' },
    phoneNumber: agentId,
    ...options.profile,
  });
  const password = options.password ?? (() => 'sandbox');
  const adapter = createHuaweiAdapter(profile, { host, secrets: (field) => (field === 'password' ? password() : undefined) }, { timings: { ...FAST_ADAPTER, ...options.timings } });
  return { adapter, host, profile };
}

/** A phone target as the core builds it. */
export const phone = (number: string, postDial?: string): CallTarget => ({ kind: 'phone', input: number, number, ...(postDial !== undefined ? { postDial } : {}) });
