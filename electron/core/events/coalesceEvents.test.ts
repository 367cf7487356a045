import { describe, expect, it } from 'vitest';
import type { CallRecord, CallState } from '../../../shared/callModel';
import type { AppEvent } from '../../../shared/ipc/contract';
import { coalesceEvents } from './coalesceEvents';

const call = (id: string, state: CallState): AppEvent => ({
  type: 'call.updated',
  call: { id, state, profileId: 'p', vendor: 'genesys', direction: 'outbound', target: { kind: 'phone', input: '1', number: '1' }, timeline: [], actions: [], createdAt: 0 } satisfies CallRecord,
});
const notice: AppEvent = { type: 'notice', level: 'info', message: 'n' };
const describeBatch = (events: AppEvent[]) => events.map((e) => (e.type === 'call.updated' ? `${e.call.id}:${e.call.state}` : e.type));

describe('coalesceEvents', () => {
  it.each<[string, AppEvent[], string[]]>([
    ['nothing to coalesce', [call('a', 'dialing'), notice], ['a:dialing', 'notice']],
    ['keeps the newest update of a call, in its place', [call('a', 'dialing'), call('b', 'dialing'), call('a', 'connected')], ['b:dialing', 'a:connected']],
    ['keeps every other event and its order', [notice, call('a', 'dialing'), notice, call('a', 'ended')], ['notice', 'notice', 'a:ended']],
    ['empty', [], []],
  ])('%s', (_name, events, expected) => {
    expect(describeBatch(coalesceEvents(events))).toEqual(expected);
  });
});
