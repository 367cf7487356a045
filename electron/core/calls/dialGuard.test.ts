import { describe, expect, it } from 'vitest';
import { DialGuard, REPEAT_WINDOW_MS, targetKey } from './dialGuard';

const phone = { kind: 'phone' as const, input: '5001', number: '5001' };

describe('dial guard', () => {
  it('maps a repeated intent to the call it made, even after the dial finished', () => {
    const guard = new DialGuard();
    const done = guard.begin('i1', 'p', phone, 'call-1');
    done(true);
    expect(guard.existing('i1', 'p', phone)).toBe('call-1');
  });

  it('joins a second intent for the same target while the first is in flight', () => {
    const guard = new DialGuard();
    guard.begin('i1', 'p', phone, 'call-1');
    expect(guard.existing('i2', 'p', phone)).toBe('call-1');
  });

  it('joins repeats within the repeat window after the dial was sent, each repeat restarting it, and not after', () => {
    let now = 1_000;
    const guard = new DialGuard(() => now, REPEAT_WINDOW_MS);
    guard.begin('i1', 'p', phone, 'call-1')(true);
    // A key held down: every repeat lands inside the window the previous one restarted.
    for (let repeat = 0; repeat < 10; repeat += 1) {
      now += REPEAT_WINDOW_MS - 1;
      expect(guard.existing(`r${repeat}`, 'p', phone)).toBe('call-1');
    }
    now += REPEAT_WINDOW_MS;
    expect(guard.existing('later', 'p', phone)).toBeUndefined();
  });

  it('lets an intent refused before anything was sent be dialled again at once', () => {
    const guard = new DialGuard(() => 0);
    const done = guard.begin('i1', 'p', phone, 'call-1');
    guard.forget('i1');
    done(false);
    expect(guard.existing('i1', 'p', phone)).toBeUndefined();
    expect(guard.existing('i2', 'p', phone)).toBeUndefined();
  });

  it('lets a new intent redial a target the vendor refused, while the refused intent keeps its call', () => {
    const guard = new DialGuard(() => 0);
    guard.begin('i1', 'p', phone, 'call-1')(false);
    expect(guard.existing('i1', 'p', phone)).toBe('call-1');
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
