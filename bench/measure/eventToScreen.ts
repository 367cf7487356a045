import { STATE_LABELS } from '../../shared/callModel';
import type { Sandbox } from '../../sandbox';
import { isDropped, latenciesOf, stateChanges, type EmittedChange } from '../analysis/eventMatching';
import { distribution, roundTo } from '../analysis/percentiles';
import { PROFILE } from '../harness/benchSandbox';
import type { AppScreen } from '../harness/browser';
import { benchNow, type ClockOffset } from '../harness/clock';
import { EmissionRecorder } from '../harness/emissionRecorder';
import { until } from '../harness/emulatorWatch';
import type { FrameTap } from '../harness/frameTap';
import { digitsOf, huaweiLiveNumber } from '../harness/numbers';
import type { EventToScreenResult } from '../report/results';
import { screenReport, splitSummary } from './screenAnalysis';

export interface EventToScreenPlan {
  /** State changes to measure (at least). */
  events: number;
  /** Spacing: events per second on the one call. */
  ratePerSecond: number;
}

const SETTLE_TIMEOUT_MS = 30_000;

async function summarize(changes: readonly EmittedChange[], screen: AppScreen, frames: FrameTap, clock: ClockOffset, since: number): Promise<EventToScreenResult> {
  const report = await screenReport(changes, screen, frames, clock, since);
  const samples = latenciesOf(report.changes).map((value) => roundTo(value, 3));
  if (samples.length === 0) throw new Error('no event reached the screen');
  return {
    ...distribution(samples),
    superseded: report.changes.filter((entry) => entry.via === 'newer-state').length,
    dropped: report.changes.filter(isDropped).length,
    split: splitSummary(report.changes),
    samples,
  };
}

/**
 * Genesys (CometD): one call driven by the emulator's burst control at a slow, steady rate —
 * Dialing, then Established and Held in turn, then Released — each publication stamped by
 * the emulator and each new state label stamped by the page.
 */
export async function measureGenesysEventToScreen(sandbox: Sandbox, screen: AppScreen, frames: FrameTap, clock: ClockOffset, plan: EventToScreenPlan): Promise<EventToScreenResult> {
  const { control } = sandbox.emulators.genesys;
  const recorder = new EmissionRecorder(sandbox);
  frames.forget();
  const since = benchNow();
  recorder.start();
  try {
    const run = control.emitBurst({ calls: 1, eventsPerCall: plan.events, ratePerSecond: plan.ratePerSecond });
    const callId = run.callIds[0] as string;
    const number = control.call(callId)?.remoteNumber ?? '';
    await run.done;
    await screen.waitForState(number, STATE_LABELS.ended);
    recorder.stop();
    const key = digitsOf(number);
    return await summarize(stateChanges(recorder.changes((vendor, source) => (vendor === 'genesys' && source === callId ? key : undefined))), screen, frames, clock, since);
  } finally {
    recorder.stop();
  }
}

/**
 * Huawei (long poll): one connected call that the emulator puts on hold and takes back at a
 * steady rate, then the customer hangs up; each event stamped when the emulator queues it
 * for the agent's poll.
 */
export async function measureHuaweiEventToScreen(sandbox: Sandbox, screen: AppScreen, frames: FrameTap, clock: ClockOffset, plan: EventToScreenPlan): Promise<EventToScreenResult> {
  const { control } = sandbox.emulators.huawei;
  const agentId = '40038';
  const number = huaweiLiveNumber(0);
  await screen.selectProfile(PROFILE.huawei);
  await screen.waitDialerIdle();
  await screen.dial(number);
  await screen.waitForState(number, STATE_LABELS.connected);
  await screen.waitDialerIdle();

  const recorder = new EmissionRecorder(sandbox);
  frames.forget();
  const since = benchNow();
  recorder.start();
  try {
    control.burst({ agentIds: [agentId], holdRetrievePairs: Math.ceil(plan.events / 2), intervalMs: Math.round(1000 / plan.ratePerSecond), thenCustomerHangup: true });
    await until(() => recorder.has('huawei', agentId, 'AgentEvent_Customer_Release'), SETTLE_TIMEOUT_MS, 'the Huawei customer to hang up');
    await screen.waitForState(number, STATE_LABELS.ended);
    recorder.stop();
    return await summarize(stateChanges(recorder.changes((vendor, source) => (vendor === 'huawei' && source === agentId ? number : undefined))), screen, frames, clock, since);
  } finally {
    recorder.stop();
  }
}
