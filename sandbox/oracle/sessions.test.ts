import { describe, expect, it } from 'vitest';
import { applyAction, DEFAULT_TIMINGS, endSession, outcomeByNumber, planSteps, stepAt, type OracleSession } from './sessions';

const T0 = 1_700_000_000_000;
const session = (steps: OracleSession['steps']): OracleSession => ({
  sessionId: 's',
  request: undefined,
  agentPhone: undefined,
  agentExtension: undefined,
  outcome: 'answer',
  scheduledFor: undefined,
  steps,
  lastReported: undefined,
});

describe('planSteps', () => {
  it.each([
    ['an answered call now', T0, 'answer' as const, 1, ['initiated@0', 'connected@2000', 'disconnected@62000']],
    ['a busy call now', T0, 'busy' as const, 1, ['initiated@0', 'disconnected@5000']],
    ['a call nobody answers', T0, 'no-answer' as const, 1, ['initiated@0', 'disconnected@30000']],
    ['a call in 60 s', T0 + 60_000, 'answer' as const, 1, ['scheduled@0', 'initiated@60000', 'connected@62000', 'disconnected@122000']],
    ['a call in 60 s at time scale 100', T0 + 60_000, 'busy' as const, 100, ['scheduled@0', 'initiated@600', 'disconnected@650']],
  ])('%s', (_name, startAt, outcome, scale, expected) => {
    const steps = planSteps(T0, startAt, outcome, DEFAULT_TIMINGS, scale);
    expect(steps.map((step) => `${step.state}@${step.at - T0}`)).toEqual(expected);
  });
});

describe('session actions', () => {
  it('connect takes an initiated call off its plan', () => {
    const s = session(planSteps(T0, T0, 'no-answer', DEFAULT_TIMINGS, 1));
    expect(applyAction(s, 'connect', T0 + 10)).toBe(true);
    expect(stepAt(s, T0 + 1_000_000)?.state).toBe('connected');
  });

  it('fail on a scheduled call initiates and disconnects it without connecting', () => {
    const s = session(planSteps(T0, T0 + 60_000, 'answer', DEFAULT_TIMINGS, 1));
    expect(applyAction(s, 'fail', T0 + 10)).toBe(true);
    expect(s.steps.map((step) => step.state)).toEqual(['scheduled', 'initiated', 'disconnected']);
  });

  it('refuses to fail a connected call and to act on an ended one', () => {
    const s = session(planSteps(T0, T0, 'answer', DEFAULT_TIMINGS, 1));
    expect(applyAction(s, 'fail', T0 + 3_000)).toBe(false);
    expect(endSession(s, T0 + 3_000)).toBe(true);
    expect(endSession(s, T0 + 3_001)).toBe(false);
    expect(applyAction(s, 'connect', T0 + 3_001)).toBe(false);
  });
});

describe('outcomeByNumber', () => {
  it.each([
    ['12026345789', 'answer'],
    ['12026345779', 'busy'],
    ['12026345788', 'no-answer'],
    ['12026345787', 'answer'],
  ])('%s → %s', (number, outcome) => expect(outcomeByNumber(number)).toBe(outcome));
});
