import { describe, expect, it } from 'vitest';
import { DialGuard, targetKey } from './dialGuard';

const phone = { kind: 'phone' as const, input: '5001', number: '5001' };

describe('dial guard', () => {
  it('maps a repeated intent to the call it made, even after the dial finished', () => {
    const guard = new DialGuard();
    const done = guard.begin('i1', 'p', phone, 'call-1');
    done();
    expect(guard.existing('i1', 'p', phone)).toBe('call-1');
  });

  it('joins a second intent for the same target while the first is in flight, not after', () => {
    const guard = new DialGuard();
    const done = guard.begin('i1', 'p', phone, 'call-1');
    expect(guard.existing('i2', 'p', phone)).toBe('call-1');
    done();
    expect(guard.existing('i2', 'p', phone)).toBeUndefined();
  });

  it('keeps different targets and profiles apart', () => {
    const guard = new DialGuard();
    guard.begin('i1', 'p', phone, 'call-1');
    expect(guard.existing('i2', 'q', phone)).toBeUndefined();
    expect(guard.existing('i3', 'p', { ...phone, number: '5002' })).toBeUndefined();
  });

  it.each([
    [{ kind: 'groups' as const, groupIds: ['200', '030'] }, { kind: 'groups' as const, groupIds: ['030', '200'] }],
    [{ kind: 'agent' as const, agentId: '4567', name: 'Sam' }, { kind: 'agent' as const, agentId: '4567' }],
  ])('treats %j and %j as the same target', (a, b) => {
    expect(targetKey('p', a)).toBe(targetKey('p', b));
  });
});
