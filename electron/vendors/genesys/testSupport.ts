import type { CallRecord } from '../../../shared/callModel';
import { isFinalState } from '../../../shared/callModel';
import type { AppError } from '../../../shared/errors';
import type { SessionStatus } from '../../../shared/session';
import type { AdapterHost, CallObservation, Logger, VendorAdapter } from '../adapter';
import { createGenesysAdapter, type GenesysAdapterTimings } from './genesysAdapter';
import { GenesysProfileSchema, type GenesysProfile } from './profile';

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
 * An AdapterHost for tests: records what the adapter reports and keeps a minimal call
 * registry (what `liveCalls()` needs), the way the core's registry would.
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
  track(localId: string, number: string): void {
    this.records.set(localId, {
      id: localId,
      profileId: 'gws',
      vendor: 'genesys',
      direction: 'outbound',
      target: { kind: 'phone', input: number, number },
      state: 'requested',
      timeline: [],
      actions: [],
      createdAt: Date.now(),
    });
  }

  callObserved(observation: CallObservation): void {
    this.observations.push(observation);
    const id = observation.localId ?? this.idOfVendorCall(observation.vendorCallId);
    const existing = id ? this.records.get(id) : undefined;
    const key = id ?? `vendor:${observation.vendorCallId ?? this.records.size}`;
    this.records.set(key, {
      id: key,
      profileId: 'gws',
      vendor: 'genesys',
      direction: existing?.direction ?? observation.discovered?.direction ?? 'outbound',
      target: existing?.target ?? observation.discovered?.target ?? { kind: 'phone', input: '', number: '' },
      state: observation.state,
      timeline: [],
      actions: observation.actions ?? existing?.actions ?? [],
      createdAt: existing?.createdAt ?? Date.now(),
      ...((observation.vendorCallId ?? existing?.vendorCallId) !== undefined ? { vendorCallId: observation.vendorCallId ?? existing?.vendorCallId } : {}),
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

  record(localId: string): CallRecord | undefined {
    return this.records.get(localId);
  }

  observationsOf(localId: string): CallObservation[] {
    return this.observations.filter((o) => o.localId === localId);
  }

  /** The first matching observation, already recorded (from index `from` on) or still to come. */
  waitForObservation(match: (o: CallObservation) => boolean, { from = 0, timeoutMs = 10_000 }: WaitOptions = {}): Promise<CallObservation> {
    return waitFor(this.observations, from, this.observationWaiters, match, timeoutMs, 'call observation');
  }

  waitForSession(match: (change: SessionChange) => boolean, { from = 0, timeoutMs = 10_000 }: WaitOptions = {}): Promise<SessionChange> {
    return waitFor(this.sessions, from, this.sessionWaiters, match, timeoutMs, 'session change');
  }

  private idOfVendorCall(vendorCallId: string | undefined): string | undefined {
    if (vendorCallId === undefined) return undefined;
    for (const record of this.records.values()) if (record.vendorCallId === vendorCallId) return record.id;
    return undefined;
  }
}

export interface WaitOptions {
  /** Ignore what was recorded before this index. */
  from?: number;
  timeoutMs?: number;
}

function waitFor<T>(seen: readonly T[], from: number, waiters: Set<Waiter<T>>, match: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const found = seen.slice(from).find(match);
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

/** One line per Bayeux message or REST operation, to assert the order of what the emulator received. */
export function describeRequests(entries: ReadonlyArray<{ method: string; path: string; body: string }>): string[] {
  return entries.flatMap((entry) => {
    const body = parseBody(entry.body);
    if (entry.path.startsWith('/api/v2/notifications')) {
      const messages = Array.isArray(body) ? body : [];
      return messages.map((message: unknown) => {
        const { channel, subscription } = (message ?? {}) as { channel?: unknown; subscription?: unknown };
        return typeof subscription === 'string' ? `${String(channel)} ${subscription}` : String(channel);
      });
    }
    const operation = (body as { operationName?: unknown } | undefined)?.operationName;
    return [`${entry.method} ${entry.path}${typeof operation === 'string' ? ` ${operation}` : ''}`];
  });
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface TestAdapterOptions {
  password?: string | undefined;
  timings?: Partial<GenesysAdapterTimings>;
  profile?: Partial<GenesysProfile>;
}

/** A Genesys adapter on the emulator at `baseUrl`, reporting to a RecordingHost, with fast timings. */
export function createTestAdapter(baseUrl: string, options: TestAdapterOptions = {}): { adapter: VendorAdapter; host: RecordingHost } {
  const host = new RecordingHost();
  const password = 'password' in options ? options.password : 'sandbox';
  const profile = GenesysProfileSchema.parse({ id: 'gws', vendor: 'genesys', baseUrl, username: 'agent1', ...options.profile });
  const adapter = createGenesysAdapter(
    profile,
    { host, secrets: (field) => (field === 'password' ? password : undefined) },
    { requestTimeoutMs: 3000, correlationTimeoutMs: 3000, postDialPauseMs: 200, ...options.timings },
  );
  return { adapter, host };
}
