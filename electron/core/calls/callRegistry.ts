import { randomUUID } from 'node:crypto';
import { isFinalState, type CallAction, type CallRecord, type CallTarget, type Vendor } from '../../../shared/callModel';
import type { CallObservation } from '../../vendors/adapter';
import { judgeTransition } from './callStateMachine';

const FINISHED_KEPT = 200;

export interface NewCall {
  /** Chosen by the caller when it must know the id before the record exists. */
  id?: string;
  profileId: string;
  vendor: Vendor;
  target: CallTarget;
  from?: CallRecord['from'];
  scheduledAt?: number;
}

/**
 * Owns every CallRecord of this run. Adapters report observations; the registry applies
 * the ones the state machine allows, keeps the vendor's raw state in the timeline, and
 * tells its listener about each change.
 */
export class CallRegistry {
  private readonly calls = new Map<string, CallRecord>();
  private readonly byVendorId = new Map<string, string>();
  private readonly quiet = new Set<string>();

  constructor(
    private readonly onChange: (call: CallRecord) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A new outbound call. `quiet` keeps it from listeners until something happens to it, so a
   * request the adapter refuses before sending anything can be discarded without a trace.
   */
  create(input: NewCall, options: { quiet?: boolean } = {}): CallRecord {
    const at = this.now();
    const call: CallRecord = {
      id: input.id ?? randomUUID(),
      profileId: input.profileId,
      vendor: input.vendor,
      direction: 'outbound',
      target: input.target,
      ...(input.from ? { from: input.from } : {}),
      state: 'requested',
      timeline: [{ state: 'requested', at, rawState: 'requested', sourceEvent: 'Dial requested by the user' }],
      actions: [],
      ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
      createdAt: at,
    };
    if (options.quiet) this.quiet.add(call.id);
    this.store(call);
    return call;
  }

  /** Forgets a quiet call nobody has heard of; false when it was already announced. */
  discard(id: string): boolean {
    if (!this.quiet.has(id)) return false;
    this.quiet.delete(id);
    this.calls.delete(id);
    return true;
  }

  /** Announces a quiet call (the vendor accepted it). */
  announce(id: string): void {
    const call = this.calls.get(id);
    if (call && this.quiet.delete(id)) this.onChange(call);
  }

  get(id: string): CallRecord | undefined {
    return this.calls.get(id);
  }

  list(): CallRecord[] {
    return [...this.calls.values()];
  }

  live(profileId?: string): CallRecord[] {
    return this.list().filter((call) => !isFinalState(call.state) && (!profileId || call.profileId === profileId));
  }

  findByVendorId(profileId: string, vendorCallId: string): CallRecord | undefined {
    const id = this.byVendorId.get(vendorKey(profileId, vendorCallId));
    return id ? this.calls.get(id) : undefined;
  }

  /** Applies an adapter's observation; returns the record when something changed. */
  observe(profileId: string, vendor: Vendor, observation: CallObservation): CallRecord | undefined {
    const existing =
      (observation.localId ? this.calls.get(observation.localId) : undefined) ??
      (observation.vendorCallId ? this.findByVendorId(profileId, observation.vendorCallId) : undefined);
    if (!existing) return observation.discovered ? this.discover(profileId, vendor, observation) : undefined;
    if (existing.profileId !== profileId) return undefined;

    const verdict = judgeTransition(existing.state, observation.state);
    if (verdict === 'reject') return undefined;
    const last = existing.timeline[existing.timeline.length - 1];
    const actionsChanged = observation.actions !== undefined && !sameActions(observation.actions, existing.actions);
    const vendorIdLearned = observation.vendorCallId !== undefined && existing.vendorCallId === undefined;
    if (verdict === 'same' && last?.rawState === observation.rawState && !actionsChanged && !vendorIdLearned) return undefined;

    // Once the vendor tells what became of a call of unknown outcome, "unknown" no longer
    // describes it; the timeline keeps that it was.
    const { failure: earlier, ...rest } = existing;
    const failure = observation.failure ?? (existing.state === 'unknown' && observation.state !== 'unknown' ? undefined : earlier);
    const next: CallRecord = {
      ...rest,
      state: observation.state,
      ...(observation.vendorCallId !== undefined ? { vendorCallId: existing.vendorCallId ?? observation.vendorCallId } : {}),
      actions: isFinalState(observation.state) ? [] : (observation.actions ?? existing.actions),
      timeline: [
        ...existing.timeline,
        { state: observation.state, at: observation.at ?? this.now(), rawState: observation.rawState, sourceEvent: observation.sourceEvent },
      ],
      ...(failure ? { failure } : {}),
    };
    this.store(next);
    return next;
  }

  /** Marks a call after a local decision (the request failed before the vendor saw it, or its outcome is unknown). */
  settle(id: string, observation: Omit<CallObservation, 'localId'>): CallRecord | undefined {
    const call = this.calls.get(id);
    return call ? this.observe(call.profileId, call.vendor, { ...observation, localId: id }) : undefined;
  }

  private discover(profileId: string, vendor: Vendor, observation: CallObservation): CallRecord | undefined {
    if (!observation.discovered || isFinalState(observation.state)) return undefined;
    const at = observation.at ?? this.now();
    const call: CallRecord = {
      id: randomUUID(),
      profileId,
      vendor,
      ...(observation.vendorCallId !== undefined ? { vendorCallId: observation.vendorCallId } : {}),
      direction: observation.discovered.direction,
      target: observation.discovered.target,
      state: observation.state,
      timeline: [{ state: observation.state, at, rawState: observation.rawState, sourceEvent: observation.sourceEvent }],
      actions: observation.actions ?? [],
      createdAt: at,
    };
    this.store(call);
    return call;
  }

  private store(call: CallRecord): void {
    this.calls.set(call.id, call);
    if (call.vendorCallId) this.byVendorId.set(vendorKey(call.profileId, call.vendorCallId), call.id);
    if (this.quiet.has(call.id) && call.timeline.length === 1) return;
    this.quiet.delete(call.id);
    this.onChange(call);
    if (isFinalState(call.state)) this.pruneFinished();
  }

  private pruneFinished(): void {
    const finished = this.list().filter((call) => isFinalState(call.state));
    for (const call of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) {
      this.calls.delete(call.id);
      if (call.vendorCallId) this.byVendorId.delete(vendorKey(call.profileId, call.vendorCallId));
    }
  }
}

function vendorKey(profileId: string, vendorCallId: string): string {
  return `${profileId}\u0000${vendorCallId}`;
}

function sameActions(a: readonly CallAction[], b: readonly CallAction[]): boolean {
  return a.length === b.length && a.every((action) => b.includes(action));
}
