import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/history';
import { nextIndex, outcomeText, redialBlocker, vendorText } from './historyText';

const base: HistoryEntry = {
  call: {
    id: 'c1',
    profileId: 'gws',
    vendor: 'genesys',
    direction: 'outbound',
    target: { kind: 'phone', input: '5001', number: '5001' },
    state: 'ended',
    timeline: [
      { state: 'requested', at: 1, rawState: 'requested', sourceEvent: 'x' },
      { state: 'ended', at: 2, rawState: 'Released', sourceEvent: 'x' },
    ],
    actions: [],
    createdAt: 1,
  },
  profileLabel: 'Genesys',
  recordedAt: 3,
  recordedWhen: 'final',
  redial: { profileId: 'gws', target: { kind: 'phone', input: '5001', number: '5001' } },
};

describe('history row text', () => {
  it.each<[string, HistoryEntry, string, string]>([
    ['an ended call', base, 'Ended', 'Vendor: Released'],
    ['a failed call', { ...base, call: { ...base.call, state: 'failed', failure: { code: 'VENDOR_REJECTED', message: 'Number unobtainable' } } }, 'Failed', 'Number unobtainable'],
    ['a call open at shutdown', { ...base, recordedWhen: 'shutdown', call: { ...base.call, state: 'unknown' } }, 'Outcome unknown (when the app closed)', 'Vendor: Released'],
  ])('describes %s', (_name, entry, outcome, vendor) => {
    expect(outcomeText(entry)).toBe(outcome);
    expect(vendorText(entry)).toBe(vendor);
  });

  it.each<[string, HistoryEntry, string[], string | undefined]>([
    ['a call on a profile that exists', base, ['gws'], undefined],
    ['a call on a removed profile', base, ['other'], 'Profile gws no longer exists'],
    ['a call with nothing to call back', { ...base, redial: undefined }, ['gws'], 'Nothing to call back'],
  ])('redial of %s', (_name, entry, profiles, blocker) => {
    expect(redialBlocker(entry, new Set(profiles))).toBe(blocker);
  });

  it.each<[string, number, number, number | undefined]>([
    ['ArrowDown', 0, 10, 1],
    ['ArrowDown', 9, 10, 9],
    ['ArrowUp', 0, 10, 0],
    ['PageDown', 2, 10, 7],
    ['PageUp', 7, 10, 2],
    ['Home', 6, 10, 0],
    ['End', 1, 10, 9],
    ['Enter', 1, 10, undefined],
    ['ArrowDown', 0, 0, undefined],
  ])('%s from row %i of %i goes to %s', (key, current, total, expected) => {
    expect(nextIndex(key, current, total, 5)).toBe(expected);
  });
});
