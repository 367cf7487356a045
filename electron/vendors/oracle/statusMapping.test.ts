import { describe, expect, it } from 'vitest';
import { readStatus } from './statusMapping';
import type { OracleStatus } from './statusResponse';

const NOW = 1_700_000_000_000;
const timing = { statusPollMs: 2_000, scheduledPollMs: 30_000 };
const status = (change: Partial<OracleStatus>): OracleStatus => ({
  sessionId: 's',
  callState: 'initiated',
  rawCallState: change.callState ?? 'initiated',
  time: undefined,
  scheduledTime: undefined,
  more: 'yes',
  ...change,
});

describe('readStatus', () => {
  it.each([
    ['initiated → dialing', status({ callState: 'initiated' }), false, { state: 'dialing', actions: ['hangup'] }, 2_000],
    ['connected → connected', status({ callState: 'connected' }), false, { state: 'connected', actions: ['hangup'] }, 2_000],
    ['disconnected after connected → ended', status({ callState: 'disconnected', more: 'no' }), true, { state: 'ended', actions: [] }, 'stop'],
    [
      'disconnected without connecting → failed',
      status({ callState: 'disconnected', more: 'no' }),
      false,
      { state: 'failed', failure: { code: 'DISCONNECTED_BEFORE_CONNECTED', message: 'disconnected' } },
      'stop',
    ],
    ['unknown, more maybe → nothing, keep polling', status({ callState: 'unknown', more: 'maybe' }), false, undefined, 2_000],
    ['connected but more no → unknown, stop', status({ callState: 'connected', more: 'no' }), true, { state: 'unknown', failure: { code: 'NO_MORE_STATUS' } }, 'stop'],
    ['unknown and more no → unknown, stop', status({ callState: 'unknown', more: 'no' }), false, { state: 'unknown' }, 'stop'],
  ])('%s', (_name, given, sawConnected, observed, next) => {
    const reading = readStatus(given, { sawConnected }, timing, NOW, undefined);
    if (observed === undefined) expect(reading.observed).toBeUndefined();
    else expect(reading.observed).toMatchObject(observed);
    expect(reading.next).toBe(next);
  });

  it.each([
    ['far from its start: the slow cadence', NOW + 3_600_000, undefined, 30_000],
    ['close to its start: at the start', NOW + 10_000, undefined, 10_000],
    ['due already: the normal cadence', NOW - 5_000, undefined, 2_000],
    ['no scheduledTime: the known start', undefined, NOW + 7_000, 7_000],
    ['no start known at all: the slow cadence', undefined, undefined, 30_000],
  ])('a scheduled call (more: no) keeps being polled, %s', (_name, scheduledTime, expectedStart, next) => {
    const reading = readStatus(status({ callState: 'scheduled', more: 'no', scheduledTime }), { sawConnected: false }, timing, NOW, expectedStart);
    expect(reading.observed).toMatchObject({ state: 'scheduled', actions: ['cancel'] });
    expect(reading.next).toBe(next);
  });
});
