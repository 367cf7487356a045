import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/callModel';
import type { HistoryEntry } from '../../../shared/history';
import type { DialRequest } from '../../../shared/ipc/contract';
import { CallRegistry } from '../calls/callRegistry';
import { createLogger } from '../log/logger';
import { HistoryRecorder } from './historyRecorder';
import { HistoryStore } from './historyStore';

const target = { kind: 'phone' as const, input: '020 7946 0001', number: '+442079460001', postDial: '1,2#' };

function setup() {
  const store = new HistoryStore(join(mkdtempSync(join(tmpdir(), 'softphone-recorder-')), 'history.jsonl'), createLogger());
  const appended: HistoryEntry[] = [];
  let registry: CallRegistry | undefined = undefined;
  const recorder = new HistoryRecorder({
    store,
    profileLabel: (id) => (id === 'gws' ? 'Genesys EU' : undefined),
    callKnown: (id) => registry?.get(id) !== undefined,
    appended: (entry) => appended.push(entry),
    now: () => 1_000,
  });
  registry = new CallRegistry((call: CallRecord) => recorder.callUpdated(call));
  return { store, appended, recorder, registry };
}

const request = (overrides: Partial<DialRequest> = {}): DialRequest => ({
  profileId: 'gws',
  intentId: '8f7c0d4e-8a59-4a43-9d41-1e1f0b0e4a11',
  target,
  options: { vendor: 'genesys', userData: { caseId: 'C-1' } },
  schedule: { kind: 'in', amount: 5, unit: 'seconds' },
  ...overrides,
});

describe('history recorder', () => {
  it('writes a call once, when it reaches a final state, with the request that placed it', () => {
    const { registry, recorder, appended } = setup();
    const call = registry.create({ profileId: 'gws', vendor: 'genesys', target }, { quiet: true });
    recorder.dialing(call.id, request());
    registry.announce(call.id);
    registry.observe('gws', 'genesys', { localId: call.id, state: 'dialing', rawState: 'Dialing', sourceEvent: 'x' });
    expect(appended).toHaveLength(0);
    registry.observe('gws', 'genesys', { localId: call.id, state: 'failed', rawState: 'Failed', sourceEvent: 'x', failure: { code: 'VENDOR_REJECTED', message: 'Busy' } });
    recorder.recordUnfinished(registry.list());
    expect(appended).toHaveLength(1);
    expect(appended[0]).toEqual({
      call: registry.get(call.id),
      profileLabel: 'Genesys EU',
      recordedAt: 1_000,
      recordedWhen: 'final',
      redial: { profileId: 'gws', target, options: { vendor: 'genesys', userData: { caseId: 'C-1' } }, scheduleKind: 'in' },
    });
  });

  it('writes the calls still open at shutdown as they stand', () => {
    const { registry, recorder, appended } = setup();
    const call = registry.create({ profileId: 'gws', vendor: 'genesys', target });
    recorder.dialing(call.id, request({ schedule: undefined }));
    registry.settle(call.id, { state: 'unknown', rawState: 'OUTCOME_UNKNOWN', sourceEvent: 'timeout' });
    recorder.recordUnfinished(registry.live());
    expect(appended.map((e) => [e.call.state, e.recordedWhen])).toEqual([['unknown', 'shutdown']]);
  });

  it('offers a call back for a call it did not place, on the same profile', () => {
    const { registry, appended } = setup();
    const inbound = registry.observe('other', 'genesys', { vendorCallId: 'V9', state: 'ringing', rawState: 'Ringing', sourceEvent: 'x', discovered: { direction: 'inbound', target } });
    registry.observe('other', 'genesys', { vendorCallId: 'V9', state: 'ended', rawState: 'Released', sourceEvent: 'x' });
    expect(appended[0]).toMatchObject({ call: { id: inbound?.id }, profileLabel: 'other', redial: { profileId: 'other', target } });
  });

  it('forgets the requests of dials refused before anything was sent', () => {
    const { registry, recorder, appended } = setup();
    const refused = registry.create({ profileId: 'gws', vendor: 'genesys', target }, { quiet: true });
    recorder.dialing(refused.id, request());
    registry.discard(refused.id);
    const next = registry.create({ profileId: 'gws', vendor: 'genesys', target: { kind: 'phone', input: '5001', number: '5001' } });
    recorder.dialing(next.id, request({ target: { kind: 'phone', input: '5001', number: '5001' } }));
    expect(recorder.pendingRequests).toBe(1);
    registry.settle(next.id, { state: 'ended', rawState: 'Released', sourceEvent: 'x' });
    expect(appended.map((e) => e.call.id)).toEqual([next.id]);
    expect(appended[0]?.redial?.target).toEqual({ kind: 'phone', input: '5001', number: '5001' });
    expect(recorder.pendingRequests).toBe(0);
  });
});
