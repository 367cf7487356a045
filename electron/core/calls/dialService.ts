import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { DialRequest } from '../../../shared/ipc/contract';
import type { CallRecord } from '../../../shared/callModel';
import { wireTarget } from '../../../shared/phoneNumber';
import type { ProfileSession } from '../sessions/profileSession';
import type { Logger } from '../../vendors/adapter';
import type { CallRegistry } from './callRegistry';
import { checkDialCapabilities } from './capabilityCheck';
import { DialGuard } from './dialGuard';

/** Errors that prove the vendor never saw the request: the call is forgotten, the intent may be retried. */
export const NOTHING_SENT: ReadonlySet<string> = new Set(['VALIDATION', 'NOT_SUPPORTED', 'INVALID_REQUEST', 'AUTH_FAILED', 'NETWORK']);

export class DialService {
  private readonly guard = new DialGuard();

  constructor(
    private readonly registry: CallRegistry,
    private readonly session: (profileId: string) => ProfileSession,
    private readonly log: Logger,
    /** Where the vendors dial from (the default country): national-digits numbers are written for it. */
    private readonly homeCountry: () => string,
    /** Told of each call as it is created, with the request that made it (the history keeps it for redial). */
    private readonly onCreated?: (callId: string, request: DialRequest) => void,
  ) {}

  async dial(request: DialRequest): Promise<{ callId: string }> {
    const existing = this.guard.existing(request.intentId, request.profileId, request.target);
    if (existing) {
      this.log.info('dial joined an intent already in progress', { callId: existing });
      return { callId: existing };
    }
    const session = this.session(request.profileId);
    const refusal = checkDialCapabilities(request, session.profile.vendor, session.adapter.capabilities);
    if (refusal) throw refusal;

    const callId = randomUUID();
    const release = this.guard.begin(request.intentId, request.profileId, request.target, callId);
    try {
      await session.ready();
    } catch (error) {
      this.guard.forget(request.intentId);
      release(false);
      throw error;
    }
    // The record and the adapter's dial start in the same tick: an adapter resync never sees
    // a live call of ours that it was not asked to place.
    const call = this.registry.create(
      {
        id: callId,
        profileId: request.profileId,
        vendor: session.profile.vendor,
        target: request.target,
        ...(request.from ? { from: request.from } : {}),
        ...(request.schedule ? { scheduledAt: scheduledTime(request.schedule) } : {}),
      },
      { quiet: true },
    );
    this.onCreated?.(call.id, request);
    // A call that may exist keeps repeats of its intent joined for a moment; a refusal does not.
    let mayHavePlaced = true;
    try {
      const accepted = await session.adapter.dial({
        localId: call.id,
        // The record keeps the number as resolved (E.164); the vendor gets it in its wire format.
        target: wireTarget(request.target, session.adapter.capabilities.numberFormat, this.homeCountry()),
        ...(request.from ? { from: request.from } : {}),
        ...(request.schedule ? { schedule: request.schedule } : {}),
        ...(request.options ? { options: request.options } : {}),
      });
      this.registry.announce(call.id);
      if (accepted.vendorCallId) {
        this.registry.settle(call.id, { vendorCallId: accepted.vendorCallId, state: 'requested', rawState: 'accepted', sourceEvent: 'Vendor accepted the request' });
      }
      return { callId: call.id };
    } catch (error) {
      mayHavePlaced = error instanceof AppError && error.code === 'OUTCOME_UNKNOWN';
      this.fail(call, request, error);
      throw error;
    } finally {
      release(mayHavePlaced);
    }
  }

  private fail(call: CallRecord, request: DialRequest, error: unknown): void {
    const data = error instanceof AppError ? error.toData() : undefined;
    if (data && NOTHING_SENT.has(data.code) && this.registry.discard(call.id)) {
      this.guard.forget(request.intentId);
      return;
    }
    this.registry.announce(call.id);
    const failure = {
      code: data?.code ?? 'INTERNAL',
      message: data?.vendorMessage ?? data?.message ?? 'The call could not be placed.',
      ...(data?.hint ? { hint: data.hint } : {}),
    };
    this.registry.settle(call.id, {
      state: data?.code === 'OUTCOME_UNKNOWN' ? 'unknown' : 'failed',
      rawState: data?.code ?? 'error',
      sourceEvent: data?.message ?? 'Dial failed',
      failure,
    });
  }
}

function scheduledTime(schedule: NonNullable<DialRequest['schedule']>): number {
  if (schedule.kind === 'at') return Date.parse(schedule.at);
  return Date.now() + schedule.amount * (schedule.unit === 'minutes' ? 60_000 : 1_000);
}
