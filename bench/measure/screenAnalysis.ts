import { callKeyIn, latencySplit, matchChanges, type EmittedChange, type MatchReport, type ScreenObservation } from '../analysis/eventMatching';
import { percentile, roundTo, sortedCopy } from '../analysis/percentiles';
import type { LatencySplit } from '../report/results';
import type { AppScreen } from '../harness/browser';
import { toBenchClock, type ClockOffset } from '../harness/clock';
import type { FrameTap } from '../harness/frameTap';
import type { ProbeObservation } from '../harness/pageProbe';

/** The page's observations on the bench clock, keyed by the call each article names (others dropped). */
export function screenObservations(observations: readonly ProbeObservation[], knownKeys: ReadonlySet<string>, clock: ClockOffset): ScreenObservation[] {
  return observations.flatMap((observation) => {
    const callKey = callKeyIn(observation.name, knownKeys);
    return callKey === undefined ? [] : [{ callKey, label: observation.label, at: toBenchClock(observation.at, clock), messages: observation.messages }];
  });
}

/**
 * A cheap test for the end of a measurement: every followed call's article last showed its
 * final label, or left the panel. The full analysis decides what actually happened.
 */
export function settledOnScreen(changes: readonly EmittedChange[], observations: readonly ScreenObservation[]): boolean {
  const finalLabel = new Map<string, string>();
  for (const change of changes) finalLabel.set(change.callKey, change.label);
  const lastLabel = new Map<string, string | null>();
  for (const observation of observations) lastLabel.set(observation.callKey, observation.label);
  return [...finalLabel].every(([callKey, label]) => {
    const shown = lastLabel.get(callKey);
    return shown === null || shown === label;
  });
}

/** What the screen did with the emitted changes: reads the page's observations and message arrivals, and the socket copies. */
export async function screenReport(changes: readonly EmittedChange[], screen: AppScreen, frames: FrameTap, clock: ClockOffset, since: number): Promise<MatchReport> {
  const knownKeys = new Set(changes.map((change) => change.callKey));
  const observations = screenObservations(await screen.probe.observationsSince(since + clock.offsetMs), knownKeys, clock);
  const received = frames.received(knownKeys);
  const first = received.reduce((lowest, record) => Math.min(lowest, record.message), Number.POSITIVE_INFINITY);
  const arrivals = Number.isFinite(first) ? await screen.probe.messageTimesFrom(first) : [];
  const arrival = (message: number): number | undefined => {
    const at = arrivals[message - first];
    return at === undefined ? undefined : toBenchClock(at, clock);
  };
  return matchChanges(changes, received, observations, arrival);
}

/** p50 and p99 of where the time went (see `latencySplit`); null without samples. */
export function splitSummary(changes: MatchReport['changes']): LatencySplit | null {
  const { toPage, inPage } = latencySplit(changes);
  if (toPage.length === 0) return null;
  const sortedToPage = sortedCopy(toPage);
  const sortedInPage = sortedCopy(inPage);
  return {
    toPageP50Ms: roundTo(percentile(sortedToPage, 50), 3),
    toPageP99Ms: roundTo(percentile(sortedToPage, 99), 3),
    inPageP50Ms: roundTo(percentile(sortedInPage, 50), 3),
    inPageP99Ms: roundTo(percentile(sortedInPage, 99), 3),
  };
}
