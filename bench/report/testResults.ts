import type { Distribution } from '../analysis/percentiles';
import type { BenchResults, BurstResult, DialOverheadResult } from './results';
import { verdictsOf } from './results';

const spread = (p50: number, p99: number, n = 200): Distribution => ({ n, p50, p95: (p50 + p99) / 2, p99, min: p50 / 2, max: p99 * 1.1, mean: p50 * 1.1 });

const dial = (p50: number, p99: number): DialOverheadResult => ({
  ...spread(p50, p99),
  endToEndMs: spread(p50 + 0.5, p99 + 0.5),
  baselineMs: spread(0.5, 0.9),
  samples: [p50 / 2, p50, p50, p99],
});

const burst: BurstResult = {
  calls: 300,
  callsByVendor: { genesys: 280, huawei: 20 },
  events: 9_980,
  eventsByVendor: { genesys: 8_960, huawei: 1_020 },
  durationS: 5.1,
  eventsPerSecond: 1_956.9,
  dropped: 0,
  droppedBeforeRenderer: 0,
  droppedOnScreen: 0,
  superseded: 12,
  finalStateCorrect: 300,
  finalStateShown: 5,
  finalStateLeftPanel: 295,
  probeInconsistencies: 0,
  p50Ms: 40,
  p95Ms: 120,
  p99Ms: 180,
  maxMs: 240,
  longestTaskMs: 75.5,
  longTasks: 3,
  longestFrameGapMs: 90,
  split: { toPageP50Ms: 12, toPageP99Ms: 60, inPageP50Ms: 20, inPageP99Ms: 140 },
  samples: { genesys: [10, 40, 180], huawei: [12, 30] },
};

/** A complete, plausible run for the report's tests. */
export function sampleResults(overrides: Partial<Omit<BenchResults, 'verdicts'>> = {}): BenchResults {
  const results: Omit<BenchResults, 'verdicts'> = {
    schemaVersion: 1,
    mode: 'full',
    startedAt: '2026-11-21T10:00:00.000Z',
    durationS: 420,
    machine: { cpuModel: 'AMD EPYC', cores: 2, ramGB: 23.5, os: 'Debian GNU/Linux 12 (bookworm)', node: 'v20.20.2', chromium: '156.0.8078.79', loadAverage1m: 0.5 },
    clock: { offsetMs: 0.1, uncertaintyMs: 0.4 },
    dialOverheadMs: { genesys: dial(4, 9), huawei: dial(4, 11), vonage: dial(5, 12), iovox: dial(4, 20), oracle: dial(4, 8) },
    eventToScreenMs: {
      genesys: { ...spread(9, 30, 202), superseded: 0, dropped: 0, split: null, samples: [5, 9, 30] },
      huawei: { ...spread(7, 20, 201), superseded: 0, dropped: 0, split: { toPageP50Ms: 2, toPageP99Ms: 6, inPageP50Ms: 5, inPageP99Ms: 14 }, samples: [4, 7, 20] },
    },
    burst,
    startupMs: 1_100,
    startupSamplesMs: [1_050, 1_100, 1_180],
    bundleGzipKB: 177.3,
    bundleRawKB: 560.2,
    heapMB10kHistory: 14.2,
    heapNote: 'every entry loaded',
    historyEntries: 10_000,
    heapMBIdle: 3.6,
    mainRssMB: 118.4,
    mainRssMBAfterBurst: 140.2,
    errors: [],
    ...overrides,
  };
  return { ...results, verdicts: verdictsOf(results) };
}
