import { describe, expect, it } from 'vitest';
import { isWrongNumber, overridePlan, planCallout, type FarEndPlan } from './farEndScript';
import { SEED_CALLERS, SEED_HANGUP_NUMBERS, SEED_WRONG_NUMBERS } from './seed';

const rules = { callers: SEED_CALLERS, wrongNumbers: SEED_WRONG_NUMBERS, hangupNumbers: SEED_HANGUP_NUMBERS };
const timings = { farEndAnswerDelayMs: 2_000, noAnswerDelayMs: 30_000, customerHangupDelayMs: 10_000 };

describe('outcome script', () => {
  it.each<[string, string | undefined, FarEndPlan]>([
    ['70092', undefined, { kind: 'answer', afterMs: 2_000, hangupAfterMs: undefined }],
    ['40040', '40038', { kind: 'answer', afterMs: 2_000, hangupAfterMs: undefined }],
    ['70093', '10086', { kind: 'answer', afterMs: 2_000, hangupAfterMs: 10_000 }],
    ['70099', undefined, { kind: 'busy' }],
    ['70098', undefined, { kind: 'no-answer', afterMs: 30_000 }],
    ['70092', '12345', { kind: 'caller-not-allowed' }],
    ['70099', '12345', { kind: 'caller-not-allowed' }],
  ])('called %s from %s', (called, caller, expected) => {
    expect(planCallout({ called, caller }, rules, timings)).toEqual(expected);
  });

  it.each<['answer' | 'busy', string, FarEndPlan]>([
    ['answer', '70098', { kind: 'answer', afterMs: 0, hangupAfterMs: undefined }],
    ['busy', '70092', { kind: 'busy' }],
  ])('an armed %s overrides the number of %s', (armed, called, expected) => {
    expect(planCallout({ called, caller: undefined }, rules, timings, armed)).toEqual(expected);
  });

  it('keeps the calling-number refusal over an armed answer', () => {
    expect(planCallout({ called: '70092', caller: '999' }, rules, timings, 'answer')).toEqual({ kind: 'caller-not-allowed' });
  });

  it.each([
    ['000000', true],
    ['0000000', false],
    ['70092', false],
  ])('%s is on the wrong-number list: %s', (called, expected) => {
    expect(isWrongNumber(called, rules)).toBe(expected);
  });
});

describe('overriding a plan before the far end is reached', () => {
  it.each<[FarEndPlan, 'answer' | 'busy', FarEndPlan]>([
    [{ kind: 'no-answer', afterMs: 30_000 }, 'answer', { kind: 'answer', afterMs: 0, hangupAfterMs: undefined }],
    [{ kind: 'answer', afterMs: 2_000, hangupAfterMs: 10_000 }, 'answer', { kind: 'answer', afterMs: 0, hangupAfterMs: 10_000 }],
    [{ kind: 'answer', afterMs: 2_000, hangupAfterMs: undefined }, 'busy', { kind: 'busy' }],
    [{ kind: 'caller-not-allowed' }, 'answer', { kind: 'caller-not-allowed' }],
  ])('%j + %s', (plan, outcome, expected) => {
    expect(overridePlan(plan, outcome)).toEqual(expected);
  });
});
