import { describe, expect, it } from 'vitest';
import type { CallSummary } from './callTracker';
import type { IntentTruth } from './createTally';
import { brokenInvariants, classifyCalls, heapBoundBytes, summaryLine, untruthfulCalls, type SoakFigures } from './invariants';

const call = (vendor: CallSummary['vendor'], state: CallSummary['state'], hasVendorCallId = false): CallSummary => ({
  callId: `${vendor}-${state}`,
  vendor,
  key: '1',
  state,
  hasVendorCallId,
  failureCode: undefined,
});

describe('classifyCalls', () => {
  it.each([
    [call('genesys', 'ended'), 'final'],
    [call('iovox', 'accepted'), 'final'],
    [call('huawei', 'failed'), 'final'],
    [call('vonage', 'unknown'), 'unknown for good'],
    [call('oracle', 'unknown'), 'unknown for good'],
    [call('iovox', 'unknown'), 'unknown for good'],
    [call('genesys', 'unknown'), 'stuck'],
    [call('huawei', 'unknown'), 'stuck'],
    [call('oracle', 'unknown', true), 'stuck'],
    [call('vonage', 'dialing', true), 'stuck'],
    [call('genesys', 'connected', true), 'stuck'],
  ] as const)('%j is %s', (summary, expected) => {
    const outcome = classifyCalls([summary]);
    const got = outcome.final === 1 ? 'final' : outcome.unknownForGood === 1 ? 'unknown for good' : 'stuck';
    expect(got).toBe(expected);
  });
});

describe('untruthfulCalls', () => {
  const truths = new Map<string, IntentTruth>([
    ['huawei:placed', { verdicts: ['placed'], placedByState: undefined }],
    ['huawei:lost', { verdicts: ['no-answer'], placedByState: undefined }],
    ['huawei:refused', { verdicts: ['refused'], placedByState: undefined }],
  ]);
  const record = (state: CallSummary['state'], key: string, failureCode?: string): CallSummary => ({ ...call('huawei', state), key, failureCode });

  it.each([
    ['a refusal of a call the vendor placed', record('failed', 'placed', 'VENDOR_REJECTED'), true],
    ['a refusal of a call it did not place', record('failed', 'refused', 'VENDOR_REJECTED'), false],
    ['a call that ended although the vendor refused it', record('ended', 'refused'), true],
    ['a call that ended after an answer that was lost', record('ended', 'lost'), false],
    ['a call that ended and was placed', record('ended', 'placed'), false],
    ['"not reported" for a placed call (true: it was over before it was seen)', record('failed', 'placed', 'NOT_REPORTED'), false],
    ['a busy far end', record('failed', 'placed', 'BUSY'), false],
    ['a call another vendor placed with the same digits', { ...record('ended', 'placed'), vendor: 'genesys' as const }, true],
  ])('%s', (_name, summary, untruthful) => {
    expect(untruthfulCalls([summary], truths)).toEqual(untruthful ? [summary] : []);
  });
});

describe('brokenInvariants', () => {
  const passing: SoakFigures = {
    calls: 100,
    outcomes: { final: 99, unknownForGood: 1, stuck: [] },
    duplicates: { extraCalls: 0, repeatedRequests: 0, duplicates: 0 },
    untruthful: [],
    leaked: {},
    heapStartBytes: 50 * 1024 * 1024,
    heapEndBytes: 60 * 1024 * 1024,
  };

  it('passes a clean shift', () => {
    expect(brokenInvariants(passing)).toEqual([]);
  });

  it.each([
    ['a duplicate', { duplicates: { extraCalls: 1, repeatedRequests: 1, duplicates: 1 } }, 'more than once'],
    ['a stuck call', { outcomes: { final: 99, unknownForGood: 0, stuck: [call('genesys', 'unknown')] } }, 'never reached a final state'],
    ['a record that contradicts the vendor', { untruthful: [call('genesys', 'failed')] }, 'contradict what the vendor did'],
    ['a leaked socket', { leaked: { TCPSocketWrap: 1 } }, 'TCPSocketWrap×1'],
    ['heap growth past the bound', { heapEndBytes: 50 * 1024 * 1024 + heapBoundBytes(100) + 1 }, 'heap grew'],
    ['no calls at all', { calls: 0 }, 'no call was placed'],
  ])('reports %s', (_name, change, words) => {
    expect(brokenInvariants({ ...passing, ...change }).join('\n')).toContain(words);
  });

  it('ends with the summary line in the agreed format', () => {
    expect(summaryLine(passing, 7)).toBe('soak: calls=100 faults=7 duplicates=0 stuck=0 heapStartMB=50.0 heapEndMB=60.0');
  });
});
