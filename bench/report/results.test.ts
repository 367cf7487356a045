import { describe, expect, it } from 'vitest';
import { sampleResults } from './testResults';

describe('verdictsOf', () => {
  it('has a verdict for every figure issue 7 names, keyed by its place in latest.json', () => {
    const keys = sampleResults().verdicts.map((verdict) => verdict.key);
    expect(keys).toEqual([
      'dialOverheadMs.genesys.p99',
      'dialOverheadMs.huawei.p99',
      'dialOverheadMs.vonage.p99',
      'dialOverheadMs.iovox.p99',
      'dialOverheadMs.oracle.p99',
      'eventToScreenMs.genesys.p99',
      'eventToScreenMs.huawei.p99',
      'burst.finalStateCorrect',
      'burst.dropped',
      'burst.p99Ms',
      'burst.longestTaskMs',
      'startupMs',
      'bundleGzipKB',
      'heapMB10kHistory',
      'mainRssMB',
    ]);
  });

  it('compares each figure with its target', () => {
    const byKey = Object.fromEntries(sampleResults().verdicts.map((verdict) => [verdict.key, verdict.status]));
    expect(byKey).toMatchObject({
      'dialOverheadMs.genesys.p99': 'met',
      'dialOverheadMs.iovox.p99': 'missed',
      'burst.finalStateCorrect': 'met',
      'burst.dropped': 'met',
      'burst.longestTaskMs': 'info',
      'mainRssMB': 'info',
      'heapMB10kHistory': 'met',
    });
  });

  it('marks a missing measurement as not measured, with the reason', () => {
    const verdicts = sampleResults({ burst: null, heapMB10kHistory: null, heapNote: 'not measured: this build has no call history (issue 5)', dialOverheadMs: {} }).verdicts;
    const byKey = Object.fromEntries(verdicts.map((verdict) => [verdict.key, verdict]));
    expect(byKey['burst.dropped']?.status).toBe('not measured');
    expect(byKey['dialOverheadMs.oracle.p99']?.status).toBe('not measured');
    expect(byKey['heapMB10kHistory']).toMatchObject({ status: 'not measured', note: 'not measured: this build has no call history (issue 5)' });
  });

  it('fails the final-state figure when one call of the burst ended wrong, and the dropped figure on one loss', () => {
    const base = sampleResults();
    const verdicts = sampleResults({ burst: { ...(base.burst as NonNullable<typeof base.burst>), finalStateCorrect: 299, dropped: 1 } }).verdicts;
    const byKey = Object.fromEntries(verdicts.map((verdict) => [verdict.key, verdict.status]));
    expect(byKey['burst.finalStateCorrect']).toBe('missed');
    expect(byKey['burst.dropped']).toBe('missed');
  });

  it('shows a bound when no renderer task reached the 50 ms long-task threshold', () => {
    const base = sampleResults();
    const verdict = sampleResults({ burst: { ...(base.burst as NonNullable<typeof base.burst>), longestTaskMs: null, longTasks: 0 } }).verdicts.find((entry) => entry.key === 'burst.longestTaskMs');
    expect(verdict).toMatchObject({ value: null, display: '< 50 ms', status: 'info' });
  });
});
