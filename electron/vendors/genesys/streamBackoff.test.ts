import { describe, expect, it } from 'vitest';
import { jitteredDelayMs } from './streamBackoff';

describe('jitteredDelayMs', () => {
  it.each([
    [0, 0.5, 0],
    [1_000, 0, 500],
    [1_000, 0.5, 750],
    [1_000, 0.999_999, 1_000],
    [30_000, 0.25, 18_750],
  ])('a back-off of %i ms with random %d waits %i ms', (delayMs, random, expected) => {
    expect(jitteredDelayMs(delayMs, () => random)).toBe(expected);
  });

  it('never waits less than half the back-off nor more than all of it', () => {
    for (let draw = 0; draw < 1_000; draw += 1) {
      const delay = jitteredDelayMs(8_000, Math.random);
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });
});
