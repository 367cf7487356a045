import { describe, expect, it } from 'vitest';
import type { CallState } from '../../../shared/callModel';
import { judgeTransition } from './callStateMachine';

describe('call state machine', () => {
  it.each<[CallState, CallState, ReturnType<typeof judgeTransition>]>([
    ['requested', 'dialing', 'apply'],
    ['dialing', 'connected', 'apply'],
    ['connected', 'held', 'apply'],
    ['held', 'connected', 'apply'],
    ['connected', 'ended', 'apply'],
    ['dialing', 'failed', 'apply'],
    ['requested', 'accepted', 'apply'],
    ['requested', 'scheduled', 'apply'],
    ['scheduled', 'dialing', 'apply'],
    ['unknown', 'connected', 'apply'],
    ['unknown', 'ended', 'apply'],
    ['connected', 'connected', 'same'],
    ['connected', 'dialing', 'reject'],
    ['ended', 'connected', 'reject'],
    ['failed', 'dialing', 'reject'],
    ['accepted', 'connected', 'reject'],
    ['ended', 'ended', 'reject'],
    ['held', 'ringing', 'reject'],
  ])('%s → %s is %s', (from, to, verdict) => {
    expect(judgeTransition(from, to)).toBe(verdict);
  });
});
