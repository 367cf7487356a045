import { describe, expect, it } from 'vitest';
import type { CallRecord, CallState } from '../../../../shared/callModel';
import { CallOutcomeTracker, NoticeCoalescer, type CallOutcome } from './callNotices';

const record = (id: string, state: CallState, createdAt = 100, failure?: string): CallRecord => ({
  id,
  profileId: 'p',
  vendor: 'genesys',
  direction: 'outbound',
  target: { kind: 'phone', input: id, number: id },
  state,
  timeline: [],
  actions: [],
  createdAt,
  ...(failure ? { failure: { code: 'X', message: failure } } : {}),
});

describe('CallOutcomeTracker', () => {
  it.each<[string, Array<[string, CallState, number?, string?]>, string[]]>([
    ['a call that connects', [['5001', 'dialing'], ['5001', 'ringing'], ['5001', 'connected']], ['connected Call to 5001']],
    ['a call that fails, with the vendor’s words', [['5001', 'dialing'], ['5001', 'failed', 100, 'Busy']], ['failed Call to 5001 Busy']],
    ['an outcome the vendor could not confirm', [['5001', 'requested'], ['5001', 'unknown']], ['unknown Call to 5001']],
    ['a repeated update of the same state: once', [['5001', 'connected'], ['5001', 'connected']], ['connected Call to 5001']],
    ['resumed from hold is not a new connect', [['5001', 'connected'], ['5001', 'held'], ['5001', 'connected']], ['connected Call to 5001']],
    ['first heard of already connected (the frame batched its dialing)', [['5001', 'connected', 150]], ['connected Call to 5001']],
    ['a call from before the page loaded is not news', [['5001', 'connected', 50]], []],
    ['but its later failure is', [['5001', 'connected', 50], ['5001', 'failed', 50, 'Dropped']], ['failed Call to 5001 Dropped']],
    ['ended and scheduled are not outcomes to notify', [['5001', 'scheduled'], ['5001', 'ended']], []],
    ['two calls, each its own outcome', [['5001', 'connected'], ['5002', 'failed']], ['connected Call to 5001', 'failed Call to 5002']],
  ])('%s', (_what, updates, expected) => {
    const tracker = new CallOutcomeTracker(100);
    const seen = updates.flatMap(([id, state, createdAt, failure]) => {
      const outcome = tracker.observe(record(id, state, createdAt, failure));
      return outcome ? [[outcome.kind, outcome.name, outcome.detail].filter(Boolean).join(' ')] : [];
    });
    expect(seen).toEqual(expected);
  });
});

const connected = (n: number): CallOutcome => ({ kind: 'connected', callId: `c${n}`, name: `Call to 500${n}` });
const failed = (n: number, detail = 'Busy'): CallOutcome => ({ kind: 'failed', callId: `f${n}`, name: `Call to 600${n}`, detail });

describe('NoticeCoalescer', () => {
  it('shows the first outcome at once, with the call to go to', () => {
    const coalescer = new NoticeCoalescer(5_000);
    expect(coalescer.push(failed(1), 0)).toEqual({ title: 'Call failed', body: 'Call to 6001: Busy', callId: 'f1' });
    expect(coalescer.due()).toBeUndefined();
  });

  it('turns a burst into one more notification at the end of the window', () => {
    const coalescer = new NoticeCoalescer(5_000);
    const shown = [coalescer.push(connected(1), 0), ...[2, 3, 4, 5].map((n) => coalescer.push(connected(n), 10 * n))].filter(Boolean);
    expect(shown).toHaveLength(1);
    expect(coalescer.due()).toBe(5_000);
    expect(coalescer.flush(4_999)).toBeUndefined();
    expect(coalescer.flush(5_000)).toEqual({ title: '4 calls connected', body: 'Call to 5002 — connected\nCall to 5003 — connected\nCall to 5004 — connected\nand 1 more' });
    expect(coalescer.due()).toBeUndefined();
  });

  it('keeps at most one notification per window, also after a summary', () => {
    const coalescer = new NoticeCoalescer(5_000);
    coalescer.push(connected(1), 0);
    coalescer.push(connected(2), 100);
    expect(coalescer.flush(5_000)).toMatchObject({ title: 'Call connected', callId: 'c2' });
    expect(coalescer.push(connected(3), 6_000)).toBeUndefined();
    expect(coalescer.due()).toBe(10_000);
    expect(coalescer.push(connected(4), 10_001)).toBeUndefined();
    expect(coalescer.flush(10_001)).toMatchObject({ title: '2 calls connected' });
  });

  it('after a quiet window, shows at once again', () => {
    const coalescer = new NoticeCoalescer(5_000);
    coalescer.push(connected(1), 0);
    expect(coalescer.push(connected(2), 5_000)).toMatchObject({ title: 'Call connected', callId: 'c2' });
  });

  it.each<[string, CallOutcome[], string, string]>([
    ['connected and failed, failures first', [connected(1), failed(1), connected(2)], '2 calls connected, 1 failed', 'Call to 6001 — failed\nCall to 5001 — connected\nCall to 5002 — connected'],
    ['failures only', [failed(1), failed(2)], '2 calls: 2 failed', 'Call to 6001 — failed\nCall to 6002 — failed'],
    [
      'unknown outcomes',
      [{ kind: 'unknown', callId: 'u', name: 'Call to 7001' }, connected(1)],
      '1 call connected, 1 with an unknown outcome',
      'Call to 7001 — outcome unknown\nCall to 5001 — connected',
    ],
  ])('summarises %s', (_what, outcomes, title, body) => {
    const coalescer = new NoticeCoalescer(1_000);
    coalescer.push(connected(9), 0);
    for (const outcome of outcomes) coalescer.push(outcome, 1);
    expect(coalescer.flush(1_000)).toEqual({ title, body });
  });

  it('drops what waited when the agent comes back to the window', () => {
    const coalescer = new NoticeCoalescer(5_000);
    coalescer.push(connected(1), 0);
    coalescer.push(connected(2), 1);
    coalescer.drop();
    expect(coalescer.due()).toBeUndefined();
    expect(coalescer.flush(5_000)).toBeUndefined();
  });
});
