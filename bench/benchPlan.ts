import type { BurstPlan } from './measure/burst';
import type { DialOverheadPlan } from './measure/dialOverhead';
import type { EventToScreenPlan } from './measure/eventToScreen';

/** How much each measurement does; the full plan meets the sample sizes of issue 7 and DESIGN §9. */
export interface BenchPlan {
  mode: 'full' | 'quick';
  dial: DialOverheadPlan;
  eventToScreen: EventToScreenPlan;
  burst: BurstPlan;
  startupLaunches: number;
  historyEntries: number;
  /** Where latest.json, report.html and the report's picture go, relative to the repository. */
  outputDir: string;
  screenshot: string;
}

/**
 * Full: 200 dials per vendor after 10 warm-ups; 202 and 201 single events; a burst of
 * 280 Genesys calls (32 events each, 1,800/s) and 20 Huawei calls (25 hold/retrieve pairs at
 * 10/s each, then the hang-up), about 2,000 state changes per second for 5 s on 300 calls.
 */
export const FULL_PLAN: BenchPlan = {
  mode: 'full',
  dial: { warmup: 10, samples: 200 },
  eventToScreen: { events: 202, ratePerSecond: 10 },
  burst: { genesysCalls: 280, genesysEventsPerCall: 32, genesysRatePerSecond: 1800, huaweiAgents: 20, huaweiPairs: 25, huaweiIntervalMs: 100 },
  startupLaunches: 5,
  historyEntries: 10_000,
  outputDir: 'bench/results',
  screenshot: 'docs/bench-report.png',
};

/** Quick: every measurement and output, small samples; keeps the harness working in `npm test`. */
export const QUICK_PLAN: BenchPlan = {
  mode: 'quick',
  dial: { warmup: 2, samples: 8 },
  eventToScreen: { events: 12, ratePerSecond: 20 },
  burst: { genesysCalls: 26, genesysEventsPerCall: 8, genesysRatePerSecond: 200, huaweiAgents: 4, huaweiPairs: 4, huaweiIntervalMs: 100 },
  startupLaunches: 1,
  historyEntries: 1_000,
  outputDir: 'bench/results/quick',
  screenshot: 'bench/results/quick/report.png',
};

export function planFor(argv: readonly string[]): BenchPlan {
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (the only option is --quick)`);
  return argv.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
}
