import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { VENDORS, type Vendor } from '../shared/callModel';
import type { EventVendor } from './analysis/expectedStates';
import { roundTo } from './analysis/percentiles';
import type { BenchPlan } from './benchPlan';
import { benchConfig, SECRET_ENV, startBenchSandbox } from './harness/benchSandbox';
import { AppScreen, launchBrowser, probedContext } from './harness/browser';
import { ensureBuilt } from './harness/build';
import { measureClockOffset, type ClockOffset } from './harness/clock';
import { FrameTap } from './harness/frameTap';
import { describeThisMachine } from './harness/machine';
import { launchShell } from './harness/shellProcess';
import { measureBundle } from './measure/bundleSize';
import { measureBurst } from './measure/burst';
import { measureDialOverhead } from './measure/dialOverhead';
import { measureGenesysEventToScreen, measureHuaweiEventToScreen } from './measure/eventToScreen';
import { measureMemory } from './measure/memory';
import { measureStartup } from './measure/startup';
import { verdictsOf, type BenchResults, type BurstResult, type DialOverheadResult, type EventToScreenResult } from './report/results';

export type Log = (line: string) => void;

/** Runs one measurement; a failure is recorded as a measurement error and the run goes on. */
type Attempt = <T>(what: string, measure: () => Promise<T> | T) => Promise<T | undefined>;

interface SessionFigures {
  clock: ClockOffset | null;
  dialOverheadMs: Partial<Record<Vendor, DialOverheadResult>>;
  eventToScreenMs: Partial<Record<EventVendor, EventToScreenResult>>;
  burst: BurstResult | null;
  mainRssMBAfterBurst: number | null;
}

/**
 * The bench's own sandbox (emulators in this process, so their stamps share the bench's
 * clock), the browser shell configured for it, one page: dial overhead for each vendor, event
 * to screen for the two event-stream vendors, then the burst.
 */
async function measureWithBenchSandbox(root: string, browser: Browser, plan: BenchPlan, attempt: Attempt): Promise<SessionFigures> {
  const figures: SessionFigures = { clock: null, dialOverheadMs: {}, eventToScreenMs: {}, burst: null, mainRssMBAfterBurst: null };
  const dir = mkdtempSync(join(tmpdir(), 'softphone-bench-'));
  const sandbox = await startBenchSandbox({ dialsPerVendor: plan.dial.warmup + plan.dial.samples, burstAgents: plan.burst.huaweiAgents });
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(benchConfig(sandbox.urls, plan.burst.huaweiAgents), null, 2));
  const shell = await launchShell({ root, dataDir: join(dir, 'data'), port: 0, configFile, env: { ...SECRET_ENV } });
  const context = await probedContext(browser);
  try {
    const page = await context.newPage();
    const frames = new FrameTap(page);
    await page.goto(shell.url);
    const screen = new AppScreen(page);
    await screen.numberBox.waitFor({ timeout: 30_000 });
    const calibrate = async (): Promise<ClockOffset> => (figures.clock = await measureClockOffset(page));

    for (const vendor of VENDORS) {
      const result = await attempt(`dial overhead, ${vendor}`, async () => measureDialOverhead(vendor, sandbox, screen, await calibrate(), plan.dial));
      if (result) figures.dialOverheadMs[vendor] = result;
    }
    const genesys = await attempt('event to screen, genesys', async () => measureGenesysEventToScreen(sandbox, screen, frames, await calibrate(), plan.eventToScreen));
    if (genesys) figures.eventToScreenMs.genesys = genesys;
    const huawei = await attempt('event to screen, huawei', async () => measureHuaweiEventToScreen(sandbox, screen, frames, await calibrate(), plan.eventToScreen));
    if (huawei) figures.eventToScreenMs.huawei = huawei;
    figures.burst = (await attempt('burst', async () => measureBurst(sandbox, screen, frames, await calibrate(), plan.burst))) ?? null;
    figures.mainRssMBAfterBurst = roundTo(shell.memory().rssMB, 1);
  } finally {
    await context.close();
    await shell.stop();
    await sandbox.stop();
  }
  return figures;
}

/** Every measurement of issue 7, in one run; errors are collected, never hidden. */
export async function runBench(root: string, plan: BenchPlan, log: Log): Promise<BenchResults> {
  const started = Date.now();
  const errors: string[] = [];
  const attempt: Attempt = async (what, measure) => {
    log(`• ${what}`);
    try {
      return await measure();
    } catch (error) {
      const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
      log(`  measurement error — ${message}`);
      errors.push(message);
      return undefined;
    }
  };

  ensureBuilt(root, log);
  const browser = await launchBrowser();
  try {
    const machine = describeThisMachine(browser.version());
    const bundle = await attempt('renderer bundle size', () => measureBundle(root));
    const startup = await attempt('start-up', () => measureStartup(browser, root, plan.startupLaunches));
    const session =
      (await attempt('app against the bench sandbox', () => measureWithBenchSandbox(root, browser, plan, attempt))) ??
      ({ clock: null, dialOverheadMs: {}, eventToScreenMs: {}, burst: null, mainRssMBAfterBurst: null } satisfies SessionFigures);
    const memory = await attempt('memory', () => measureMemory(browser, root, plan.historyEntries));

    const results: Omit<BenchResults, 'verdicts'> = {
      schemaVersion: 1,
      mode: plan.mode,
      startedAt: new Date(started).toISOString(),
      durationS: roundTo((Date.now() - started) / 1000, 1),
      machine: { ...machine, loadAverage1mAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      clock: session.clock ? { offsetMs: roundTo(session.clock.offsetMs, 3), uncertaintyMs: roundTo(session.clock.uncertaintyMs, 3) } : null,
      dialOverheadMs: session.dialOverheadMs,
      eventToScreenMs: session.eventToScreenMs,
      burst: session.burst,
      startupMs: startup?.medianMs ?? null,
      startupSamplesMs: startup?.samples ?? [],
      bundleGzipKB: bundle?.gzipKB ?? null,
      bundleRawKB: bundle?.rawKB ?? null,
      heapMB10kHistory: memory?.heapMB ?? null,
      ...(memory?.heapNote ? { heapNote: memory.heapNote } : memory ? {} : { heapNote: 'not measured: the memory measurement failed' }),
      historyEntries: plan.historyEntries,
      heapMBIdle: memory?.idleHeapMB ?? null,
      mainRssMB: memory?.mainRssMB ?? null,
      mainRssMBAfterBurst: session.mainRssMBAfterBurst,
      errors,
    };
    return { ...results, verdicts: verdictsOf(results) };
  } finally {
    await browser.close();
  }
}
