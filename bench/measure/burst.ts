import { STATE_LABELS } from '../../shared/callModel';
import type { Sandbox } from '../../sandbox';
import { isDropped, latenciesOf, stateChanges, type EmittedChange, type MatchReport } from '../analysis/eventMatching';
import type { EventVendor } from '../analysis/expectedStates';
import { distribution, roundTo } from '../analysis/percentiles';
import { burstProfileId } from '../harness/benchSandbox';
import type { AppScreen } from '../harness/browser';
import { benchNow, type ClockOffset } from '../harness/clock';
import { EmissionRecorder } from '../harness/emissionRecorder';
import { until } from '../harness/emulatorWatch';
import type { FrameTap } from '../harness/frameTap';
import type { ProbeObservation } from '../harness/pageProbe';
import { burstAgentIds, digitsOf, huaweiLiveNumber } from '../harness/numbers';
import type { BurstResult } from '../report/results';
import { screenObservations, screenReport, settledOnScreen, splitSummary } from './screenAnalysis';

export interface BurstPlan {
  genesysCalls: number;
  genesysEventsPerCall: number;
  genesysRatePerSecond: number;
  huaweiAgents: number;
  /** Hold/retrieve pairs per Huawei call, then the customer hangs up. */
  huaweiPairs: number;
  huaweiIntervalMs: number;
}

const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 1_000;

/** Each burst agent's call: connected before the burst starts, as an agent's call would be. */
async function connectHuaweiCalls(screen: AppScreen, agents: readonly string[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (const [index, agentId] of agents.entries()) {
    const number = huaweiLiveNumber(index + 1);
    await screen.selectProfile(burstProfileId(agentId));
    await screen.waitDialerIdle();
    await screen.dial(number);
    await screen.waitForState(number, STATE_LABELS.connected);
    numbers.set(agentId, number);
  }
  await screen.waitDialerIdle();
  return numbers;
}

/**
 * DESIGN §9 burst: concurrent calls on both event-stream vendors at a combined rate, every
 * state change timed from emission to screen, then every call checked for its final state
 * and every change for loss (see eventMatching.ts for the definitions).
 */
export async function measureBurst(sandbox: Sandbox, screen: AppScreen, frames: FrameTap, clock: ClockOffset, plan: BurstPlan): Promise<BurstResult> {
  const agents = burstAgentIds(plan.huaweiAgents);
  const huaweiNumbers = await connectHuaweiCalls(screen, agents);
  const recorder = new EmissionRecorder(sandbox);
  const { genesys, huawei } = sandbox.emulators;

  const since = benchNow();
  await screen.probe.startFrameWatch();
  frames.forget();
  recorder.start();
  try {
    const run = genesys.control.emitBurst({ calls: plan.genesysCalls, eventsPerCall: plan.genesysEventsPerCall, ratePerSecond: plan.genesysRatePerSecond });
    huawei.control.burst({ agentIds: agents, holdRetrievePairs: plan.huaweiPairs, intervalMs: plan.huaweiIntervalMs, thenCustomerHangup: true });
    const vendorOfKey = new Map<string, EventVendor>();
    const genesysKeys = new Map(run.callIds.map((callId) => [callId, digitsOf(genesys.control.call(callId)?.remoteNumber ?? '')]));
    for (const key of genesysKeys.values()) vendorOfKey.set(key, 'genesys');
    for (const key of huaweiNumbers.values()) vendorOfKey.set(key, 'huawei');
    await run.done;
    await until(() => agents.every((agentId) => recorder.has('huawei', agentId, 'AgentEvent_Customer_Release')), SETTLE_TIMEOUT_MS, 'every Huawei customer to hang up');
    recorder.stop();

    const keyOf = (vendor: EventVendor, source: string): string | undefined => (vendor === 'genesys' ? genesysKeys.get(source) : huaweiNumbers.get(source));
    const changes = stateChanges(recorder.changes(keyOf));
    const knownKeys = new Set(vendorOfKey.keys());
    // Read the page's new observations only, so that watching costs the catching-up renderer little.
    const seen: ProbeObservation[] = [];
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      seen.push(...(await screen.probe.observationsFrom(seen.length, since + clock.offsetMs)));
      if (settledOnScreen(changes, screenObservations(seen, knownKeys, clock))) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const longestFrameGapMs = await screen.probe.stopFrameWatch();
    const settledAt = benchNow();
    const report = await screenReport(changes, screen, frames, clock, since);
    const longTasks = (await screen.probe.longTasksSince(since + clock.offsetMs)).filter((task) => task.at - clock.offsetMs <= settledAt).map((task) => task.durationMs);
    return summarize(changes, report, vendorOfKey, { longTasks, longestFrameGapMs });
  } finally {
    recorder.stop();
  }
}

function summarize(changes: readonly EmittedChange[], report: MatchReport, vendorOfKey: ReadonlyMap<string, EventVendor>, renderer: { longTasks: number[]; longestFrameGapMs: number }): BurstResult {
  const neverOnScreen = report.changes.filter((entry) => entry.screenAt === undefined).length;
  const missingInRenderer = report.calls.reduce((total, call) => total + call.missingInRenderer, 0);
  const finalStateCorrect = report.calls.filter(
    (call) => call.rendererFinal === call.expectedFinal && (call.finalOnScreen === 'shown' || call.finalOnScreen === 'left-panel'),
  ).length;

  const samples: Record<EventVendor, number[]> = { genesys: [], huawei: [] };
  for (const entry of report.changes) {
    const vendor = vendorOfKey.get(entry.change.callKey);
    if (entry.screenAt !== undefined && vendor) samples[vendor].push(roundTo(entry.screenAt - entry.change.at, 3));
  }
  const latencies = latenciesOf(report.changes);
  if (latencies.length === 0) throw new Error('no burst event reached the screen');
  const overall = distribution(latencies);
  const times = changes.map((change) => change.at);
  const durationS = (Math.max(...times) - Math.min(...times)) / 1000;
  const ofVendor = (keys: Iterable<string>, vendor: EventVendor): number => [...keys].filter((key) => vendorOfKey.get(key) === vendor).length;
  const callKeys = report.calls.map((call) => call.callKey);
  const changeKeys = changes.map((change) => change.callKey);

  return {
    calls: report.calls.length,
    callsByVendor: { genesys: ofVendor(callKeys, 'genesys'), huawei: ofVendor(callKeys, 'huawei') },
    events: changes.length,
    eventsByVendor: { genesys: ofVendor(changeKeys, 'genesys'), huawei: ofVendor(changeKeys, 'huawei') },
    durationS: roundTo(durationS, 3),
    eventsPerSecond: roundTo(changes.length / Math.max(durationS, 0.001), 1),
    dropped: report.changes.filter(isDropped).length,
    droppedBeforeRenderer: missingInRenderer,
    droppedOnScreen: neverOnScreen,
    superseded: report.changes.filter((entry) => entry.via === 'newer-state').length,
    finalStateCorrect,
    finalStateShown: report.calls.filter((call) => call.finalOnScreen === 'shown').length,
    finalStateLeftPanel: report.calls.filter((call) => call.finalOnScreen === 'left-panel').length,
    probeInconsistencies: report.inconsistent,
    p50Ms: roundTo(overall.p50, 3),
    p95Ms: roundTo(overall.p95, 3),
    p99Ms: roundTo(overall.p99, 3),
    maxMs: roundTo(overall.max, 3),
    longestTaskMs: renderer.longTasks.length > 0 ? roundTo(Math.max(...renderer.longTasks), 1) : null,
    longTasks: renderer.longTasks.length,
    longestFrameGapMs: roundTo(renderer.longestFrameGapMs, 1),
    split: splitSummary(report.changes),
    samples,
  };
}
