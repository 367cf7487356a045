import { describe, expect, it } from 'vitest';
import { describeTarget, judge, meets, TARGETS, type Figure } from './targets';

describe('DESIGN §9 targets', () => {
  it('are the numbers the design states', () => {
    expect(TARGETS).toEqual({
      dialOverheadP99Ms: { comparison: 'at-most', limit: 16 },
      eventToScreenP99Ms: { comparison: 'at-most', limit: 50 },
      burstP99Ms: { comparison: 'at-most', limit: 250 },
      burstDropped: { comparison: 'equals', limit: 0 },
      startupMs: { comparison: 'at-most', limit: 1500 },
      bundleGzipKB: { comparison: 'at-most', limit: 250 },
      heapMB10kHistory: { comparison: 'at-most', limit: 60 },
    });
  });

  it.each([
    { value: 15.9, target: TARGETS.dialOverheadP99Ms, met: true },
    { value: 16, target: TARGETS.dialOverheadP99Ms, met: true },
    { value: 16.01, target: TARGETS.dialOverheadP99Ms, met: false },
    { value: 0, target: TARGETS.burstDropped, met: true },
    { value: 1, target: TARGETS.burstDropped, met: false },
    { value: -1, target: TARGETS.burstDropped, met: false },
  ])('$value against $target.comparison $target.limit → $met', ({ value, target, met }) => {
    expect(meets(value, target)).toBe(met);
  });
});

describe('judge', () => {
  const base: Figure = { key: 'startupMs', label: 'Start', value: 1200, unit: 'ms', target: TARGETS.startupMs };
  it.each([
    { figure: base, status: 'met' },
    { figure: { ...base, value: 1600 }, status: 'missed' },
    { figure: { ...base, value: null }, status: 'not measured' },
    { figure: { ...base, value: Number.NaN }, status: 'not measured' },
    { figure: { key: 'mainRssMB', label: 'RSS', value: 120, unit: 'MB' }, status: 'info' },
    { figure: { key: 'burst.longestTaskMs', label: 'Longest task', value: null, unit: 'ms', display: '< 50 ms' }, status: 'info' },
    { figure: { ...base, value: null, display: '< 50 ms' }, status: 'not measured' },
  ] as const)('$figure.value ($figure.key) → $status', ({ figure, status }) => {
    expect(judge(figure).status).toBe(status);
  });
});

describe('describeTarget', () => {
  it.each([
    { target: TARGETS.dialOverheadP99Ms, unit: 'ms', text: '≤ 16 ms' },
    { target: TARGETS.burstDropped, unit: '', text: '= 0' },
    { target: undefined, unit: 'MB', text: '—' },
  ])('$text', ({ target, unit, text }) => {
    expect(describeTarget(target, unit)).toBe(text);
  });
});
