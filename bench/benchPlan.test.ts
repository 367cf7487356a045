import { describe, expect, it } from 'vitest';
import { FULL_PLAN, planFor, QUICK_PLAN } from './benchPlan';

describe('planFor', () => {
  it.each([
    { argv: [], plan: FULL_PLAN },
    { argv: ['--quick'], plan: QUICK_PLAN },
  ])('$argv → $plan.mode', ({ argv, plan }) => {
    expect(planFor(argv)).toBe(plan);
  });

  it('refuses an option it does not know', () => {
    expect(() => planFor(['--fast'])).toThrow('unknown option --fast (the only option is --quick)');
  });
});

describe('the full plan', () => {
  const { burst } = FULL_PLAN;
  const genesysEvents = burst.genesysCalls * burst.genesysEventsPerCall;
  const huaweiRate = (burst.huaweiAgents * 1000) / burst.huaweiIntervalMs;

  it('takes the sample sizes of issue 7: 200 dials per vendor, 200 events per event-stream vendor', () => {
    expect(FULL_PLAN.dial.samples).toBeGreaterThanOrEqual(200);
    expect(FULL_PLAN.eventToScreen.events).toBeGreaterThanOrEqual(200);
  });

  it('bursts 300 concurrent calls at about 2,000 events/s for about 5 s', () => {
    expect(burst.genesysCalls + burst.huaweiAgents).toBe(300);
    expect(burst.genesysRatePerSecond + huaweiRate).toBe(2_000);
    expect(genesysEvents / burst.genesysRatePerSecond).toBeCloseTo(5, 0);
    expect((burst.huaweiPairs * 2 * burst.huaweiIntervalMs) / 1000).toBeCloseTo(5, 0);
  });

  it('loads 10,000 history entries and writes where the README picture is', () => {
    expect(FULL_PLAN.historyEntries).toBe(10_000);
    expect(FULL_PLAN.outputDir).toBe('bench/results');
    expect(FULL_PLAN.screenshot).toBe('docs/bench-report.png');
  });

  it('keeps quick runs away from the full results', () => {
    expect(QUICK_PLAN.outputDir).not.toBe(FULL_PLAN.outputDir);
    expect(QUICK_PLAN.screenshot.startsWith(QUICK_PLAN.outputDir)).toBe(true);
  });
});
