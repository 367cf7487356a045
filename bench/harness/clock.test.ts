import { describe, expect, it } from 'vitest';
import { offsetFrom, toBenchClock } from './clock';

describe('offsetFrom', () => {
  it('trusts the probe with the shortest round trip', () => {
    const clock = offsetFrom([
      { sentAt: 1_000, pageAt: 1_012, receivedAt: 1_010 },
      { sentAt: 2_000, pageAt: 2_003.5, receivedAt: 2_001 },
      { sentAt: 3_000, pageAt: 3_020, receivedAt: 3_004 },
    ]);
    expect(clock).toEqual({ offsetMs: 3, uncertaintyMs: 0.5 });
    expect(toBenchClock(5_003, clock)).toBe(5_000);
  });

  it('refuses to guess without probes', () => {
    expect(() => offsetFrom([])).toThrow('no clock probes');
  });
});
