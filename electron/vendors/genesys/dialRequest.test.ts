import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { DialIntent } from '../adapter';
import { planDial } from './dialRequest';

const phone = (number: string, postDial?: string): DialIntent['target'] => ({
  kind: 'phone',
  input: number,
  number,
  ...(postDial !== undefined ? { postDial } : {}),
});

describe('planDial', () => {
  it('builds the documented Dial body', () => {
    expect(planDial({ localId: 'L1', target: phone('5001') })).toEqual({
      body: { operationName: 'Dial', destination: { phoneNumber: '5001' } },
      dialled: '5001',
      postDial: [],
    });
  });

  it('adds location, userData and the caller id, and times post-dial pauses', () => {
    const plan = planDial(
      {
        localId: 'L1',
        target: phone('+442079460000', '1,2#'),
        options: { vendor: 'genesys', location: 'London', userData: { CustomerSegment: 'Gold' }, outboundCallerId: '02071234567' },
      },
      { pauseMs: 100 },
    );
    expect(plan).toEqual({
      body: {
        operationName: 'Dial',
        destination: { phoneNumber: '+442079460000' },
        location: 'London',
        userData: { CustomerSegment: 'Gold' },
        outboundCallerId: '02071234567',
      },
      dialled: '+442079460000',
      postDial: [{ digits: '1' }, { pauseMs: 100 }, { digits: '2#' }],
    });
  });

  it('takes the presented CLI as the caller id', () => {
    expect(planDial({ localId: 'L1', target: phone('5001'), from: { presentedCli: '5005' } }).body.outboundCallerId).toBe('5005');
  });

  const refused: Array<[string, DialIntent, { code: string; path: string }]> = [
    ['an agent target', { localId: 'L', target: { kind: 'agent', agentId: '4567' } }, { code: 'NOT_SUPPORTED', path: 'target.kind' }],
    ['a group target', { localId: 'L', target: { kind: 'groups', groupIds: ['030'] } }, { code: 'NOT_SUPPORTED', path: 'target.kind' }],
    ['a schedule', { localId: 'L', target: phone('5001'), schedule: { kind: 'in', amount: 30, unit: 'seconds' } }, { code: 'NOT_SUPPORTED', path: 'schedule' }],
    ['another originating agent', { localId: 'L', target: phone('5001'), from: { agentId: '4567' } }, { code: 'NOT_SUPPORTED', path: 'from' }],
    ['originating groups', { localId: 'L', target: phone('5001'), from: { groupIds: ['030'] } }, { code: 'NOT_SUPPORTED', path: 'from' }],
    ['options of another vendor', { localId: 'L', target: phone('5001'), options: { vendor: 'iovox' } as DialIntent['options'] }, { code: 'INVALID_REQUEST', path: 'options.vendor' }],
    ['letters in the number', { localId: 'L', target: phone('50O1') }, { code: 'VALIDATION', path: 'target.number' }],
    ['an empty number', { localId: 'L', target: phone('') }, { code: 'VALIDATION', path: 'target.number' }],
    ['a plus in the middle', { localId: 'L', target: phone('44+20') }, { code: 'VALIDATION', path: 'target.number' }],
    [
      'two different caller ids',
      { localId: 'L', target: phone('5001'), from: { presentedCli: '5005' }, options: { vendor: 'genesys', outboundCallerId: '5006' } },
      { code: 'VALIDATION', path: 'options.outboundCallerId' },
    ],
    ['bad post-dial characters', { localId: 'L', target: phone('5001', '12w3') }, { code: 'VALIDATION', path: 'target.postDial' }],
    ['mute prompts', { localId: 'L', target: phone('5001', '.123') }, { code: 'NOT_SUPPORTED', path: 'target.postDial' }],
  ];

  it.each(refused)('refuses %s', (_name, intent, expected) => {
    const error = (() => {
      try {
        planDial(intent);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject(expected);
  });

  it('explains a bad post-dial character', () => {
    expect(() => planDial({ localId: 'L', target: phone('5001', '12w3') })).toThrow(
      '"w" at position 3 is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).',
    );
  });
});
