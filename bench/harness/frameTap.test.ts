import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../shared/callModel';
import { receivedRecords, recordKey } from './frameTap';

const call = (number: string, state: CallRecord['state'], rawStates: string[]): CallRecord => ({
  id: `id-${number}`,
  profileId: 'genesys',
  vendor: 'genesys',
  direction: 'outbound',
  target: { kind: 'phone', input: number, number },
  state,
  timeline: rawStates.map((rawState, index) => ({ state, at: 1_000 + index, rawState, sourceEvent: rawState })),
  actions: [],
  createdAt: 1_000,
});

describe('receivedRecords', () => {
  const keys = new Set(['442079460001']);
  const frames = [
    JSON.stringify({ id: 3, outcome: { ok: true, value: {} } }),
    JSON.stringify({ events: [{ type: 'session.updated', session: {} }, { type: 'call.updated', call: call('+442079460001', 'dialing', ['Dialing']) }] }),
    JSON.stringify({ events: [{ type: 'call.updated', call: call('+449999999999', 'connected', ['Established']) }, { type: 'call.updated', call: call('+442079460001', 'connected', ['Dialing', 'Established']) }] }),
  ];

  it('gives each followed call’s copy, with the message count, label and timeline on the bench clock', () => {
    expect(receivedRecords(frames, 11, keys, (at) => at - 1_000)).toEqual([
      { callKey: '442079460001', message: 12, label: 'Dialing', timeline: [{ rawState: 'Dialing', at: 0 }] },
      {
        callKey: '442079460001',
        message: 13,
        label: 'Connected',
        timeline: [
          { rawState: 'Dialing', at: 0 },
          { rawState: 'Established', at: 1 },
        ],
      },
    ]);
  });

  it('skips messages that are not event batches and records that are not calls it follows', () => {
    expect(receivedRecords([frames[0] as string], 1, keys, (at) => at)).toEqual([]);
  });
});

describe('recordKey', () => {
  it.each([
    { target: { kind: 'phone' as const, input: '0113 496 0001', number: '+441134960001' }, key: '01134960001' },
    { target: { kind: 'phone' as const, input: '+441134960001', number: '+441134960001' }, key: undefined },
    { target: { kind: 'agent' as const, agentId: '01134960001' }, key: undefined },
  ])('$target → $key', ({ target, key }) => {
    expect(recordKey({ ...call('x', 'dialing', []), target }, new Set(['01134960001']))).toBe(key);
  });
});
