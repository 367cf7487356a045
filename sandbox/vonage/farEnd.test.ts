import { describe, expect, it } from 'vitest';
import { defaultPlanForNumber, planForDestination } from './farEnd';

const durations = { answeredCallMs: 300, noAnswerMs: 200, busyMs: 100 };

describe('far-end plans', () => {
  it.each([
    ['02072068888', 300, { code: 'Success', party: 'Destination', reason: 'Normal' }],
    ['+442072068888', 300, { code: 'Success', party: 'Destination', reason: 'Normal' }],
    ['07970303957', 200, { code: 'Failure', party: 'Originator', reason: 'NoAnswer' }],
    ['02071234569', 100, { code: 'Failure', party: 'Destination', reason: 'NumberBusy' }],
    ['02071234568', 200, { code: 'Failure', party: 'Destination', reason: 'NoAnswer' }],
    ['02071234567', 300, { code: 'Success', party: 'Destination', reason: 'Normal' }],
  ])('%s finishes after %i ms with %o', (number, afterMs, result) => {
    expect(defaultPlanForNumber(number, durations)).toEqual({ kind: 'finish', afterMs, result });
  });

  it('lets a script override a number in either national or +44 form, and agents', () => {
    const scripts = new Map([
      ['02072068888', { outcome: 'invalid' as const }],
      ['4567', { outcome: 'no-answer' as const, afterMs: 5 }],
    ]);
    expect(planForDestination({ telephoneNumber: '+442072068888' }, scripts, durations)).toEqual({ kind: 'reject-invalid-number' });
    expect(planForDestination({ agentId: '4567' }, scripts, durations)).toEqual({
      kind: 'finish',
      afterMs: 5,
      result: { code: 'Failure', party: 'Destination', reason: 'NoAnswer' },
    });
    expect(planForDestination({ agentId: '1234' }, scripts, durations)).toMatchObject({ kind: 'finish', afterMs: 300 });
  });
});
