import { describe, expect, it } from 'vitest';
import { distribution, percentile, roundTo } from './percentiles';

const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);
const twoHundred = Array.from({ length: 200 }, (_, index) => index + 1);

describe('percentile (nearest rank)', () => {
  it.each([
    { samples: [7], p: 50, expected: 7 },
    { samples: [7], p: 99, expected: 7 },
    { samples: [1, 2], p: 50, expected: 1 },
    { samples: [1, 2], p: 51, expected: 2 },
    { samples: [1, 2, 3, 4], p: 50, expected: 2 },
    { samples: [1, 2, 3, 4], p: 75, expected: 3 },
    { samples: [1, 2, 3, 4], p: 100, expected: 4 },
    { samples: oneToHundred, p: 99, expected: 99 },
    { samples: oneToHundred, p: 95, expected: 95 },
    { samples: twoHundred, p: 99, expected: 198 },
    { samples: twoHundred, p: 50, expected: 100 },
  ])('p$p of $samples.length samples is $expected', ({ samples, p, expected }) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('is always an observed sample, never an interpolation', () => {
    expect(percentile([0.5, 10.25, 99.75], 66)).toBe(10.25);
  });

  it.each([0, -1, 101, Number.NaN])('refuses percentile %s', (p) => {
    expect(() => percentile([1, 2, 3], p)).toThrow(RangeError);
  });

  it('refuses an empty sample', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});

describe('distribution', () => {
  it('sorts a copy and reports every figure', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(distribution(samples)).toEqual({ n: 5, p50: 3, p95: 5, p99: 5, min: 1, max: 5, mean: 3 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('keeps negative samples (an overhead below the baseline median)', () => {
    expect(distribution([-0.5, 0.25, 2])).toMatchObject({ min: -0.5, p50: 0.25, max: 2 });
  });
});

describe('roundTo', () => {
  it.each([
    { value: 1.23456, digits: 3, expected: 1.235 },
    { value: -0.0004, digits: 3, expected: -0 },
    { value: 12.5, digits: 0, expected: 13 },
  ])('rounds $value to $digits digits', ({ value, digits, expected }) => {
    expect(roundTo(value, digits)).toBe(expected);
  });
});
